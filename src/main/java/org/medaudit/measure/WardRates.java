package org.medaudit.measure;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Every measure's series for one ward over a range of months. */
@Serdeable
public record WardRates(String ward, String from, String to, List<Series> series) {
}
