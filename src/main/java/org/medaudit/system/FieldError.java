package org.medaudit.system;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One invalid field of a request: where it is (a JSON pointer, RFC 6901, e.g. {@code /orders/0/route}) and what
 * is wrong with it, in words a pharmacist can act on.
 */
@Serdeable
public record FieldError(String pointer, String detail) {
}
