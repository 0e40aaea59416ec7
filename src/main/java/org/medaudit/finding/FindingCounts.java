package org.medaudit.finding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.medaudit.measure.SmallNumbers;

/**
 * A {@link FindingSummary} as the API publishes it, for a ward, a site or the network: the same counts, except that
 * where small-number suppression applies a count from 1 to the minimum is null with {@code suppressed: true}.
 * Within category, error type and severity (each of which adds up to the total of findings) a lone suppressed
 * count would be the total less the others, so the next smallest count there is suppressed with it.
 *
 * @param scope the ward code, the site code, or {@code network}
 * @param level {@code ward}, {@code site} or {@code network}
 * @param chartsAudited null when suppressed
 * @param ordersAudited null when suppressed
 * @param findings null when suppressed
 * @param suppressed true when any count here is suppressed; absent otherwise
 */
@Serdeable
public record FindingCounts(String scope, String level, String from, String to, String basis,
        @Nullable Long chartsAudited, @Nullable Long ordersAudited, @Nullable Long findings,
        List<Tally> byCategory, List<Tally> byErrorType, List<Tally> bySeverity, List<Tally> byDrug,
        @Nullable Boolean suppressed) {

    /** One value of a dimension and how many findings had it; null with {@code suppressed: true} when hidden. */
    @Serdeable
    public record Tally(String key, @Nullable Long count, @Nullable Boolean suppressed) {
    }

    /** Every count shown as it is. */
    public static FindingCounts of(String scope, String level, FindingSummary summary) {
        return publish(scope, level, summary, null);
    }

    /** Counts from 1 to the minimum suppressed, with the complementary count of a lone one. */
    public static FindingCounts suppressed(String scope, String level, FindingSummary summary, SmallNumbers small) {
        return publish(scope, level, summary, small);
    }

    private static FindingCounts publish(String scope, String level, FindingSummary summary, SmallNumbers small) {
        boolean[] any = {false};
        java.util.function.LongFunction<Long> total = count -> {
            if (small != null && small.suppressed(count)) {
                any[0] = true;
                return null;
            }
            return count;
        };
        List<Tally> categories = tallies(summary.byCategory(), small, true, any);
        List<Tally> errorTypes = tallies(summary.byErrorType(), small, true, any);
        List<Tally> severities = tallies(summary.bySeverity(), small, true, any);
        List<Tally> drugs = tallies(summary.byDrug(), small, false, any);
        Long charts = total.apply(summary.chartsAudited());
        Long orders = total.apply(summary.ordersAudited());
        Long findings = total.apply(summary.findings());
        return new FindingCounts(scope, level, summary.from(), summary.to(), summary.basis(), charts, orders,
                findings, categories, errorTypes, severities, drugs, any[0] ? Boolean.TRUE : null);
    }

    private static List<Tally> tallies(List<FindingSummary.Tally> counts, SmallNumbers small, boolean addsUp,
            boolean[] any) {
        if (small == null) {
            return counts.stream().map(t -> new Tally(t.key(), t.count(), null)).toList();
        }
        List<String> hidden = new ArrayList<>(counts.stream().filter(t -> small.suppressed(t.count()))
                .map(FindingSummary.Tally::key).toList());
        if (addsUp && hidden.size() == 1) {
            counts.stream().filter(t -> t.count() > 0 && !hidden.contains(t.key()))
                    .min(Comparator.comparingLong(FindingSummary.Tally::count).thenComparing(
                            FindingSummary.Tally::key))
                    .ifPresent(next -> hidden.add(next.key()));
        }
        if (!hidden.isEmpty()) {
            any[0] = true;
        }
        return counts.stream().map(t -> hidden.contains(t.key()) ? new Tally(t.key(), null, true)
                : new Tally(t.key(), t.count(), null)).toList();
    }
}
