package org.medaudit.system;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/** The hospital's clock: "today" (for audit dates not in the future) is the hospital's local date. */
@Factory
class TimeConfiguration {

    @Singleton
    Clock clock(@Value("${medaudit.time-zone:Europe/London}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
