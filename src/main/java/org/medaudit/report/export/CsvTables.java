package org.medaudit.report.export;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.medaudit.finding.FindingCounts;
import org.medaudit.improvement.AnnotationMark;
import org.medaudit.measure.Series;
import org.medaudit.measure.WardRates;
import org.medaudit.measure.WardsSummary;
import org.medaudit.system.JsonTree;

/**
 * Every API answer as one CSV table. Series: one row per ward (or site, or network) × measure × month, with every
 * field of the series and the point. The summary: one row per ward × measure. A findings summary: one row per
 * dimension × value, the totals first. Anything else (the lists: sites, wards, measures, rules, …): one row per
 * item of its JSON, nested objects flattened to dotted column names and lists of values joined with {@code ;}.
 * Lists within a field are joined with {@code ;} everywhere.
 */
@Singleton
class CsvTables {

    private final JsonMapper json;

    CsvTables(JsonMapper json) {
        this.json = json;
    }

    Csv of(Object body) {
        if (body instanceof WardRates rates) {
            return series(rates);
        }
        if (body instanceof WardsSummary summary) {
            return summary(summary);
        }
        if (body instanceof FindingCounts counts) {
            return findings(counts);
        }
        return generic(body);
    }

    private static Csv series(WardRates rates) {
        List<String> header = List.of("level", "ward", "basis", "measure", "title", "chart", "per", "improvement",
                "ruleProfile", "target", "variationIcon", "assuranceIcon", "period", "audited", "numerator",
                "denominator", "value", "centre", "lower", "upper", "segment", "signals", "annotations",
                "chartsAudited", "chartsTarget", "completeness", "suppressed");
        List<List<Object>> rows = new ArrayList<>();
        for (Series series : rates.series()) {
            for (Series.Point point : series.points()) {
                rows.add(Arrays.asList(rates.level(), series.ward(), rates.basis(), series.measure(), series.title(),
                        series.chart(), series.per(), series.improvement(), series.ruleProfile(), series.target(),
                        series.variationIcon(), series.assuranceIcon(), point.period(), point.audited(),
                        point.numerator(), point.denominator(), point.value(), point.centre(), point.lower(),
                        point.upper(), point.segment(), joined(point.signals()), annotations(point.annotations()),
                        point.chartsAudited(), point.chartsTarget(), point.completeness(), flag(point.suppressed())));
            }
        }
        return new Csv(header, rows);
    }

    private static Csv summary(WardsSummary summary) {
        List<String> header = List.of("period", "basis", "ward", "name", "site", "active", "wardAudited",
                "chartsAudited", "measure", "title", "per", "improvement", "chart", "audited", "numerator",
                "denominator", "value", "centre", "lower", "upper", "signals", "variationIcon", "assuranceIcon",
                "suppressed");
        List<List<Object>> rows = new ArrayList<>();
        for (WardsSummary.WardLine ward : summary.wards()) {
            for (WardsSummary.MeasureLine line : ward.measures()) {
                rows.add(Arrays.asList(summary.period(), summary.basis(), ward.ward(), ward.name(), ward.site(),
                        ward.active(), ward.audited(), ward.chartsAudited(), line.measure(), line.title(),
                        line.per(), line.improvement(), line.chart(), line.audited(), line.numerator(),
                        line.denominator(), line.value(), line.centre(), line.lower(), line.upper(),
                        joined(line.signals()), line.variationIcon(), line.assuranceIcon(),
                        flag(Boolean.TRUE.equals(line.suppressed()) || Boolean.TRUE.equals(ward.suppressed())
                                ? Boolean.TRUE : null)));
            }
        }
        return new Csv(header, rows);
    }

    private static Csv findings(FindingCounts counts) {
        List<String> header = List.of("level", "scope", "from", "to", "basis", "dimension", "key", "count",
                "suppressed");
        List<List<Object>> rows = new ArrayList<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("charts-audited", counts.chartsAudited());
        totals.put("orders-audited", counts.ordersAudited());
        totals.put("findings", counts.findings());
        totals.forEach((key, count) -> rows.add(Arrays.asList(counts.level(), counts.scope(), counts.from(),
                counts.to(), counts.basis(), "total", key, count, count == null ? true : null)));
        Map<String, List<FindingCounts.Tally>> dimensions = new LinkedHashMap<>();
        dimensions.put("category", counts.byCategory());
        dimensions.put("error-type", counts.byErrorType());
        dimensions.put("severity", counts.bySeverity());
        dimensions.put("drug", counts.byDrug());
        dimensions.forEach((dimension, tallies) -> tallies.forEach(tally -> rows.add(Arrays.asList(counts.level(),
                counts.scope(), counts.from(), counts.to(), counts.basis(), dimension, tally.key(), tally.count(),
                flag(tally.suppressed())))));
        return new Csv(header, rows);
    }

    /** Any JSON answer: an array gives one row per item, an object one row. */
    private Csv generic(Object body) {
        Object tree;
        try {
            tree = JsonTree.parse(json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialise the response", e);
        }
        List<?> items = tree instanceof List<?> list ? list : List.of(tree);
        List<Map<String, Object>> flat = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (Object item : items) {
            Map<String, Object> row = new LinkedHashMap<>();
            flatten("", item, row);
            columns.addAll(row.keySet());
            flat.add(row);
        }
        List<String> header = List.copyOf(columns);
        List<List<Object>> rows = flat.stream()
                .map(row -> header.stream().map(row::get).collect(Collectors.toCollection(ArrayList::new)))
                .map(row -> (List<Object>) row).toList();
        return new Csv(header, rows);
    }

    @SuppressWarnings("unchecked")
    private void flatten(String prefix, Object value, Map<String, Object> row) {
        if (value instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((key, inner) -> flatten(prefix.isEmpty() ? key : prefix + "." + key,
                    inner, row));
        } else if (value instanceof List<?> list) {
            boolean scalars = list.stream().noneMatch(item -> item instanceof Map<?, ?> || item instanceof List<?>);
            row.put(prefix.isEmpty() ? "value" : prefix, scalars ? joined(list) : text(list));
        } else {
            row.put(prefix.isEmpty() ? "value" : prefix, value);
        }
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialise the response", e);
        }
    }

    private static String joined(List<?> values) {
        return values == null ? null : values.stream().map(String::valueOf).collect(Collectors.joining(";"));
    }

    private static String annotations(List<AnnotationMark> marks) {
        return marks.stream().map(mark -> mark.id() + ":" + mark.kind() + ":" + mark.title())
                .collect(Collectors.joining(";"));
    }

    private static Object flag(Boolean suppressed) {
        return Boolean.TRUE.equals(suppressed) ? true : null;
    }
}
