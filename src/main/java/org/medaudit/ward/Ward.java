package org.medaudit.ward;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A ward of a site. Its code is what chart samples name; a ward that is no longer listed in the sites file is kept
 * inactive, so that its history stays readable.
 */
@Serdeable
@MappedEntity("ward")
public record Ward(@Id @GeneratedValue @Nullable Long id, Long siteId, String code, String name,
        @Nullable String specialty, boolean active) {
}
