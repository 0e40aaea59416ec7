package org.medaudit.ward;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A ward as other services and pages see it: its code, name and site. */
@Serdeable
public record WardView(String code, String name, String site, String siteName, @Nullable String specialty,
        boolean active) {
}
