package org.medaudit.sample;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medaudit.system.FieldError;
import org.medaudit.system.InvalidRequestException;
import org.medaudit.ward.Ward;
import org.medaudit.ward.WardDirectory;
import org.medaudit.ward.WardView;

/**
 * The audits entered so far, for the pharmacist's list: stored samples newest first, filtered by ward and month,
 * and each active ward's progress this month towards the number of charts it should audit.
 */
@Singleton
public class SampleList {

    /** Samples on one page of the list. */
    public static final int PAGE_SIZE = 25;

    private static final String CHARTS_PER_WARD = """
            SELECT ward_id, COUNT(*) AS charts FROM chart_sample WHERE period = ? GROUP BY ward_id""";

    private final SampleStore store;
    private final WardDirectory wards;
    private final JdbcOperations jdbc;
    private final int target;

    SampleList(SampleStore store, WardDirectory wards, JdbcOperations jdbc,
            @Value("${medaudit.target-charts-per-ward-month:20}") int target) {
        this.store = store;
        this.wards = wards;
        this.jdbc = jdbc;
        this.target = target;
    }

    /** A page of samples, newest first. */
    @Serdeable
    public record SamplePage(List<SampleSummary> samples, int page, int totalPages, long totalSamples) {
    }

    /**
     * One ward's audited charts in a month against the target.
     *
     * @param percent of the target, at most 100
     */
    @Serdeable
    public record WardCompleteness(WardView ward, long charts, int target, int percent) {
        public boolean complete() {
            return charts >= target;
        }
    }

    /** One page of samples; a ward or month that is given but not valid is refused, naming the query field. */
    public SamplePage page(@Nullable String ward, @Nullable String month, int page) {
        List<FieldError> errors = new ArrayList<>();
        Long wardId = null;
        if (ward != null && !ward.isBlank()) {
            wardId = wards.ward(ward.strip()).map(Ward::id).orElse(null);
            if (wardId == null) {
                errors.add(new FieldError("/query/ward", "no ward has the code \"" + ward.strip() + "\""));
            }
        }
        String period = month == null || month.isBlank() ? null : month(month.strip(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Page<SampleSummary> found = store.summaries(wardId, period, Pageable.from(Math.max(0, page), PAGE_SIZE));
        return new SamplePage(found.getContent(), found.getPageNumber(), found.getTotalPages(),
                found.getTotalSize());
    }

    /** Every active ward, site by site, with its charts audited in the month. */
    @Transactional
    public List<WardCompleteness> completeness(YearMonth month) {
        Map<Long, Long> charts = jdbc.prepareStatement(CHARTS_PER_WARD, statement -> {
            statement.setString(1, month.toString());
            Map<Long, Long> counts = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getLong("ward_id"), rows.getLong("charts"));
                }
            }
            return counts;
        });
        return wards.sites().stream().flatMap(site -> site.wards().stream()).filter(WardView::active)
                .map(view -> {
                    long count = charts.getOrDefault(wards.ward(view.code()).orElseThrow().id(), 0L);
                    int percent = target <= 0 ? 100 : (int) Math.min(100, count * 100 / target);
                    return new WardCompleteness(view, count, target, percent);
                })
                .toList();
    }

    private static String month(String text, List<FieldError> errors) {
        try {
            return YearMonth.parse(text).toString();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("/query/month", "must be a month written YYYY-MM, such as 2026-10"));
            return null;
        }
    }
}
