package org.medaudit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medaudit.improvement.Annotation;
import org.medaudit.improvement.AnnotationView;
import org.medaudit.improvement.Annotations;
import org.medaudit.measure.Basis;
import org.medaudit.measure.RateCalculator;
import org.medaudit.measure.Series;
import org.medaudit.report.progress.ProgressReports;
import org.medaudit.report.progress.ReportView;
import org.medaudit.support.TestDatabases;
import org.medaudit.ward.Ward;
import org.medaudit.ward.WardDirectory;

/**
 * Two years of the demo network on one improving ward (AMU), filled by the command's own call into a fresh
 * database: the change is recorded as PDSA cycles at its date, and the ward's prescribing-error rate really falls
 * after it — the chart shows a signal in the improvement direction — with example progress reports beside it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoImprovementTest implements TestPropertyProvider {

    static final int MONTHS = 24;

    @Inject
    DemoNetwork demo;

    @Inject
    RateCalculator rates;

    @Inject
    Annotations annotations;

    @Inject
    ProgressReports reports;

    @Inject
    WardDirectory wards;

    @Inject
    Clock clock;

    int created;
    YearMonth last;
    YearMonth change;
    Ward amu;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabases.sqlite());
        properties.put("medaudit.demo.months", String.valueOf(MONTHS));
        properties.put("medaudit.demo.wards", "AMU");
        return properties;
    }

    @BeforeAll
    void fill() {
        created = demo.fillIfEmpty();
        last = YearMonth.now(clock).minusMonths(1);
        change = DemoNetwork.changeMonth(last, MONTHS);
        amu = wards.ward("AMU").orElseThrow();
    }

    @Test
    @DisplayName("two years of 12 charts a month on AMU (a middle-sized ward), a few months not audited, and a second run adds nothing")
    void twoYearsOfAudits() {
        Series errors = errors();
        long audited = errors.points().stream().filter(Series.Point::audited).count();

        assertThat(audited).isBetween(MONTHS - 4L, MONTHS - 0L);
        assertThat(created).isEqualTo(audited * 12);
        assertThat(demo.fillIfEmpty()).isZero();
    }

    @Test
    @DisplayName("the change is recorded on AMU: a PDSA cycle starting in the change month, then a second and the change")
    void changeIsAnnotated() {
        List<AnnotationView> recorded = annotations.list(amu);

        assertThat(recorded).filteredOn(a -> a.kind().equals(Annotation.PDSA)).extracting(AnnotationView::startPeriod)
                .containsExactly(change.toString(), change.plusMonths(1).toString());
        assertThat(recorded).filteredOn(a -> a.kind().equals(Annotation.CHANGE)).hasSize(1);
    }

    @Test
    @DisplayName("after the change AMU's errors per 100 orders fall: signals below the frozen centre, improvement icon")
    void ratesImproveAfterTheChange() {
        Series errors = errors();
        List<Series.Point> before = errors.points().stream()
                .filter(p -> p.audited() && YearMonth.parse(p.period()).isBefore(change)).toList();
        List<Series.Point> after = errors.points().stream()
                .filter(p -> p.audited() && !YearMonth.parse(p.period()).isBefore(change)).toList();

        double meanBefore = before.stream().mapToDouble(Series.Point::value).average().orElseThrow();
        double meanAfter = after.stream().mapToDouble(Series.Point::value).average().orElseThrow();
        assertThat(meanAfter).isLessThan(meanBefore * 0.7);
        assertThat(after).anySatisfy(p -> {
            assertThat(p.signals()).isNotEmpty();
            assertThat(p.value()).isLessThan(p.centre());
        });
        assertThat(before).allSatisfy(p -> assertThat(p.signals()).doesNotContain("shift"));
        assertThat(errors.variationIcon()).isEqualTo("improvement-low");
        assertThat(errors.points()).filteredOn(p -> p.period().equals(change.toString()))
                .allSatisfy(p -> assertThat(p.annotations()).isNotEmpty());
    }

    @Test
    @DisplayName("example progress reports: AMU's for the change month (final) and the latest month, and its site's")
    void exampleReports() {
        assertThat(reports.list(reports.ward("AMU"))).extracting(ReportView::month, ReportView::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(last.toString(), "draft"),
                        org.assertj.core.groups.Tuple.tuple(change.toString(), "final"));
        assertThat(reports.list(reports.site("RGH"))).extracting(ReportView::month).containsExactly(last.toString());
    }

    private Series errors() {
        return rates.wardRates(amu, last.minusMonths(MONTHS - 1), last, Basis.REVIEWED).series().stream()
                .filter(s -> s.measure().equals("prescribing-errors-per-100-orders")).findFirst().orElseThrow();
    }
}
