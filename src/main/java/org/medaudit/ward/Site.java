package org.medaudit.ward;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

/** A hospital site; its wards belong to it. */
@Serdeable
@MappedEntity("site")
public record Site(@Id @GeneratedValue @Nullable Long id, String code, String name) {
}
