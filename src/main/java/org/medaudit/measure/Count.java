package org.medaudit.measure;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The raw counts kept per ward and period, from which every measure's numerator and denominator are taken.
 * Measure documents name them ({@code count: orders-audited}); rates can always be re-derived from them.
 */
public enum Count {
    CHARTS_AUDITED("charts-audited", WardPeriodCounts::chartsAudited),
    ORDERS_AUDITED("orders-audited", WardPeriodCounts::ordersAudited),
    PRESCRIBING_ERRORS("prescribing-errors", WardPeriodCounts::prescribingErrors),
    CHARTS_WITH_PRESCRIBING_ERROR("charts-with-prescribing-error", WardPeriodCounts::chartsWithPrescribingError),
    RECONCILIATION_JUDGED("reconciliation-judged", WardPeriodCounts::reconciliationJudged),
    RECONCILED_IN_TIME("reconciled-in-time", WardPeriodCounts::reconciledInTime);

    private final String id;
    private final ToLongFunction<WardPeriodCounts> reader;

    Count(String id, ToLongFunction<WardPeriodCounts> reader) {
        this.id = id;
        this.reader = reader;
    }

    public String id() {
        return id;
    }

    public long of(WardPeriodCounts counts) {
        return reader.applyAsLong(counts);
    }

    public static Optional<Count> byId(String id) {
        return Arrays.stream(values()).filter(count -> count.id.equals(id)).findFirst();
    }
}
