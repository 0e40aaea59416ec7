package org.medaudit.system;

/** A request body that is not JSON at all (or has a duplicate key): answered 400. */
public class MalformedJsonException extends RuntimeException {

    public MalformedJsonException(String message) {
        super(message);
    }
}
