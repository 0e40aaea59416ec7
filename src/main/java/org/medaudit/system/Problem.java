package org.medaudit.system;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 7807 / RFC 9457 problem detail, the one error body MedAudit answers with. {@code errors} lists every
 * invalid field by JSON pointer when the request had any.
 */
@Serdeable
public record Problem(String type, String title, int status, @Nullable String detail,
        @Nullable List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Problem types are named, stable URIs that document each kind of error. */
    public static String type(String name) {
        return "https://medaudit.org/problems/" + name;
    }
}
