package org.medaudit.sample;

/** An idempotency key reused with a different body: the client has a bug, and nothing is stored. */
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException(String key) {
        super("The Idempotency-Key \"" + key + "\" was already used for a different chart sample. "
                + "Send a new key for a new sample.");
    }
}
