package org.medaudit.support;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;

/** A serialisable object that records being deserialised: tests prove a stream refused it before it was made. */
public final class DeserialisationTripwire implements Serializable {

    private static final long serialVersionUID = 1L;
    private static volatile boolean tripped;

    /** Whether any instance has been deserialised in this JVM. */
    public static boolean tripped() {
        return tripped;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        tripped = true;
    }
}
