package org.medaudit.ward;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A ward as the API lists it: what {@link WardView} says, with its history of renames, moves and closures. */
@Serdeable
public record WardRecord(String code, String name, String site, String siteName, @Nullable String specialty,
        boolean active, List<WardChange> history) {

    static WardRecord of(WardView ward, List<WardChange> history) {
        return new WardRecord(ward.code(), ward.name(), ward.site(), ward.siteName(), ward.specialty(),
                ward.active(), history);
    }
}
