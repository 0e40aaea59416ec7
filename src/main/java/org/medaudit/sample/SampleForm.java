package org.medaudit.sample;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The form a chart was entered with ({@code audit-forms/forms/}), so that a rate can be traced to the exact
 * questions asked. Samples sent as JSON or CSV have none.
 */
@Serdeable
public record SampleForm(String id, int version) {
}
