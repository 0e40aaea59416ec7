package org.medaudit.measure;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Small-number suppression: a count of findings or charts between 1 and the configured minimum (default 5) could
 * point at one patient, so it is not shown outside the ward's own team — not on a site page, not in a network
 * roll-up, not through the API to a caller whose scope goes beyond the ward. Zero is shown: it identifies nobody.
 */
@Singleton
public class SmallNumbers {

    private final int minimum;

    public SmallNumbers(@Value("${medaudit.disclosure.minimum-count:5}") int minimum) {
        if (minimum < 1) {
            throw new IllegalStateException("medaudit.disclosure.minimum-count must be at least 1, not " + minimum);
        }
        this.minimum = minimum;
    }

    /** The smallest count shown outside a ward; 1 turns suppression off. */
    public int minimum() {
        return minimum;
    }

    /** Whether this count must be hidden outside the ward. */
    public boolean suppressed(long count) {
        return count > 0 && count < minimum;
    }

    /** The count as it may be shown outside the ward: null where it is suppressed. */
    public Long disclosed(long count) {
        return suppressed(count) ? null : count;
    }
}
