package org.medaudit.ward;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A site with its wards. */
@Serdeable
public record SiteView(String code, String name, List<WardView> wards) {
}
