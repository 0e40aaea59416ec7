package org.medaudit.report.export;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.medaudit.finding.FindingCounts;
import org.medaudit.finding.FindingSummaries;
import org.medaudit.finding.FindingSummary;
import org.medaudit.measure.Basis;
import org.medaudit.measure.MeasureCatalogue;
import org.medaudit.measure.MeasureDefinition;
import org.medaudit.measure.Series;
import org.medaudit.measure.SmallNumbers;
import org.medaudit.measure.WardRates;
import org.medaudit.rules.RuleBookService;
import org.medaudit.ward.Ward;
import org.medaudit.ward.WardDirectory;
import org.medaudit.ward.WardView;

/**
 * FHIR R4 resources built from MedAudit's own records, as plain JSON trees (no FHIR library at run time): a
 * {@code Measure} per measure document, and a {@code MeasureReport} (type summary) per ward, measure and audited
 * month — subject the ward as a {@code Location}, reporter its site as an {@code Organization}, the numerator and
 * denominator counts, the score, and the month's findings stratified by category and by severity. Several reports
 * come as a {@code Bundle} of type collection. A suppressed count is left out with the data-absent-reason
 * extension {@code masked}, never given as a wrong number. Canonical URLs hang off {@code medaudit.fhir.base-url}.
 */
@Singleton
class FhirResources {

    static final String MEDIA_TYPE = "application/fhir+json";

    private static final String POPULATION = "http://terminology.hl7.org/CodeSystem/measure-population";
    private static final String SCORING = "http://terminology.hl7.org/CodeSystem/measure-scoring";
    private static final String IMPROVEMENT = "http://terminology.hl7.org/CodeSystem/measure-improvement-notation";
    private static final String DATA_ABSENT = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
    private static final String UCUM = "http://unitsofmeasure.org";

    private final MeasureCatalogue measures;
    private final RuleBookService ruleBooks;
    private final WardDirectory wards;
    private final FindingSummaries findings;
    private final SmallNumbers smallNumbers;
    private final String base;

    FhirResources(MeasureCatalogue measures, RuleBookService ruleBooks, WardDirectory wards,
            FindingSummaries findings, SmallNumbers smallNumbers,
            @Value("${medaudit.fhir.base-url:`https://medaudit.org/fhir`}") String base) {
        this.measures = measures;
        this.ruleBooks = ruleBooks;
        this.wards = wards;
        this.findings = findings;
        this.smallNumbers = smallNumbers;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The canonical URL of a measure's {@code Measure}. */
    String measureUrl(String id) {
        return base + "/Measure/" + id;
    }

    /** A measure document as an R4 {@code Measure}, versioned by the rule book now serving. */
    Map<String, Object> measure(MeasureDefinition measure) {
        String ruleBook = ruleBooks.current().version();
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("resourceType", "Measure");
        resource.put("id", measure.id());
        resource.put("extension", List.of(Map.of("url", base + "/StructureDefinition/rule-book-version",
                "valueString", ruleBook)));
        resource.put("url", measureUrl(measure.id()));
        resource.put("version", ruleBook);
        resource.put("name", name(measure.id()));
        resource.put("title", measure.title());
        resource.put("status", "active");
        resource.put("experimental", false);
        resource.put("publisher", measure.owner());
        resource.put("description", measure.whyItMatters());
        if (measure.dateReviewed().matches("\\d{4}-\\d{2}-\\d{2}")) {
            resource.put("lastReviewDate", measure.dateReviewed());
        }
        resource.put("relatedArtifact", List.of(
                Map.of("type", "depends-on", "display", "MedAudit rule book " + ruleBook),
                Map.of("type", "citation", "citation", measure.source())));
        resource.put("scoring", concept(SCORING, scoring(measure), null));
        resource.put("improvementNotation", concept(IMPROVEMENT, measure.improvement(), null));
        resource.put("group", List.of(Map.of("population", List.of(
                definition("numerator", measure.numerator()), definition("denominator", measure.denominator())))));
        return resource;
    }

    /**
     * A ward's rates as MeasureReports: one per measure and audited month; the report itself when there is exactly
     * one, otherwise a Bundle. {@code fullCounts} false suppresses the stratifier counts as the rates already are.
     */
    Map<String, Object> reports(WardRates rates, boolean fullCounts) {
        Ward ward = wards.ward(rates.ward()).orElseThrow();
        WardView view = wards.wardView(rates.ward()).orElseThrow();
        Basis basis = Basis.of(rates.basis()).orElseThrow();
        Map<String, FindingCounts> byMonth = new HashMap<>();
        List<Map<String, Object>> reports = new ArrayList<>();
        for (Series series : rates.series()) {
            MeasureDefinition measure = measures.byId(series.measure()).orElseThrow();
            for (Series.Point point : series.points()) {
                if (!point.audited()) {
                    continue;
                }
                FindingCounts counts = byMonth.computeIfAbsent(point.period(), month -> {
                    YearMonth period = YearMonth.parse(month);
                    FindingSummary summary = findings.summarise(List.of(ward.id()), period, period, basis);
                    return fullCounts ? FindingCounts.of(view.code(), "ward", summary)
                            : FindingCounts.suppressed(view.code(), "ward", summary, smallNumbers);
                });
                reports.add(report(view, measure, point, counts));
            }
        }
        if (reports.size() == 1) {
            return reports.get(0);
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "collection");
        if (!reports.isEmpty()) {
            bundle.put("entry", reports.stream().map(report -> Map.of("fullUrl", "urn:uuid:" + uuid(report),
                    "resource", report)).toList());
        }
        return bundle;
    }

    private Map<String, Object> report(WardView ward, MeasureDefinition measure, Series.Point point,
            FindingCounts counts) {
        YearMonth month = YearMonth.parse(point.period());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("resourceType", "MeasureReport");
        report.put("status", "complete");
        report.put("type", "summary");
        report.put("measure", measureUrl(measure.id()));
        report.put("subject", Map.of("reference", "Location/" + ward.code(), "display", ward.name()));
        report.put("reporter", Map.of("reference", "Organization/" + ward.site(), "display", ward.siteName()));
        report.put("period", Map.of("start", month.atDay(1).toString(), "end", month.atEndOfMonth().toString()));
        report.put("improvementNotation", concept(IMPROVEMENT, measure.improvement(), null));
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("code", concept(base + "/CodeSystem/measure", measure.id(), measure.title()));
        group.put("population", List.of(population(POPULATION, "numerator", point.numerator()),
                population(POPULATION, "denominator", point.denominator())));
        if (point.value() != null) {
            Map<String, Object> score = new LinkedHashMap<>();
            score.put("value", point.value());
            if (scoring(measure).equals("proportion") && measure.per() == 100) {
                score.put("unit", "%");
                score.put("system", UCUM);
                score.put("code", "%");
            } else {
                score.put("unit", "per " + measure.per() + " " + measure.denominator().count()
                        .replace("-audited", "").replace('-', ' '));
            }
            group.put("measureScore", score);
        } else if (Boolean.TRUE.equals(point.suppressed()) && point.denominator() == null
                || Boolean.TRUE.equals(point.suppressed()) && point.numerator() == null) {
            group.put("measureScore", masked());
        }
        group.put("stratifier", List.of(stratifier("finding-category", "Finding category", counts.byCategory()),
                stratifier("finding-severity", "Finding severity (potential harm)", counts.bySeverity())));
        report.put("group", List.of(group));
        return report;
    }

    private Map<String, Object> stratifier(String code, String text, List<FindingCounts.Tally> tallies) {
        Map<String, Object> stratifier = new LinkedHashMap<>();
        stratifier.put("code", List.of(concept(base + "/CodeSystem/stratifier", code, text)));
        if (!tallies.isEmpty()) {
            stratifier.put("stratum", tallies.stream().map(tally -> Map.of(
                    "value", concept(base + "/CodeSystem/" + code, tally.key(), null),
                    "population", List.of(population(base + "/CodeSystem/population", "findings", tally.count()))))
                    .toList());
        }
        return stratifier;
    }

    private static Map<String, Object> population(String system, String code, Long count) {
        Map<String, Object> population = new LinkedHashMap<>();
        population.put("code", concept(system, code, null));
        if (count != null) {
            population.put("count", count);
        } else {
            population.put("_count", masked());
        }
        return population;
    }

    /**
     * A population as the measure document words it. R4 requires a criteria expression in one of three languages;
     * the count is named as a CQL quoted identifier of MedAudit's raw count, and its description says so: MedAudit
     * computes it itself and publishes no CQL library.
     */
    private static Map<String, Object> definition(String code, MeasureDefinition.Part part) {
        return Map.of("code", concept(POPULATION, code, null), "description", part.description(),
                "criteria", Map.of("language", "text/cql", "expression", "\"" + part.count() + "\"",
                        "description", "MedAudit's raw count '" + part.count() + "', computed by MedAudit"));
    }

    private static Map<String, Object> masked() {
        return Map.of("extension", List.of(Map.of("url", DATA_ABSENT, "valueCode", "masked")));
    }

    private static Map<String, Object> concept(String system, String code, String text) {
        Map<String, Object> concept = new LinkedHashMap<>();
        concept.put("coding", List.of(Map.of("system", system, "code", code)));
        if (text != null) {
            concept.put("text", text);
        }
        return concept;
    }

    /** A p chart counts a share of charts (proportion); every other chart a rate of events per unit (ratio). */
    private static String scoring(MeasureDefinition measure) {
        return measure.chart().equals("p") ? "proportion" : "ratio";
    }

    /** A computer-friendly name as FHIR asks (starts with a capital, letters and digits): the id in PascalCase. */
    static String name(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return Character.isLetter(name.charAt(0)) ? name.toString() : "M" + name;
    }

    /** The same report always gets the same entry id, so an unchanged answer keeps its ETag. */
    private static UUID uuid(Map<String, Object> report) {
        return UUID.nameUUIDFromBytes((report.get("measure") + "|" + report.get("subject") + "|"
                + report.get("period")).getBytes(StandardCharsets.UTF_8));
    }
}
