package org.medaudit.rules.fact;

import java.time.LocalDate;
import org.kie.api.definition.type.ClassReactive;

/**
 * The day the chart was audited: the "today" of rules that ask how long an order has run or how recent a result
 * is ({@code AuditDay( $today : date )}).
 */
@ClassReactive
public record AuditDay(LocalDate date) {
}
