package org.medaudit.demo;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Async;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.medaudit.improvement.Annotation;
import org.medaudit.improvement.Annotations;
import org.medaudit.report.progress.ProgressReports;
import org.medaudit.report.progress.ReportDraft;
import org.medaudit.report.progress.ReportSubject;
import org.medaudit.sample.SampleIntake;
import org.medaudit.ward.Ward;
import org.medaudit.ward.WardDirectory;
import org.medaudit.ward.WardView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty database with a realistic synthetic network, so that a newcomer sees meaningful charts at once:
 * two years of monthly audits on every ward, wards of different sizes, a few months not audited (with a data-issue
 * note on some), every other ward improving after a dated change that its PDSA cycles record, other events (a new
 * rota), and example progress reports. Started with {@code --medaudit.demo.enabled=true} (in the background, the
 * service answering meanwhile) or as the command {@code java -jar target/medaudit.jar demo} ({@link DemoCommand});
 * it never touches a database that already holds samples, and everything goes through the ordinary services.
 */
@Singleton
public class DemoNetwork {

    private static final Logger LOG = LoggerFactory.getLogger(DemoNetwork.class);
    /** Who the demo's annotations and reports are by. */
    static final String AUTHOR = "demo";
    /** Charts a month per ward, by the ward's place in the network: the IHI minimum of 20, small units fewer. */
    private static final int[] SIZES = {20, 24, 12, 16, 8, 20, 10};
    /** After its change, an improving ward's errors fall to this share of its baseline rate. */
    static final double IMPROVEMENT = 0.45;

    private final SampleIntake intake;
    private final WardDirectory wards;
    private final Annotations annotations;
    private final ProgressReports reports;
    private final JsonMapper json;
    private final Clock clock;
    private final boolean enabled;
    private final long seed;
    private final int months;
    private final List<String> only;

    DemoNetwork(SampleIntake intake, WardDirectory wards, Annotations annotations, ProgressReports reports,
            JsonMapper json, Clock clock, @Value("${medaudit.demo.enabled:false}") boolean enabled,
            @Value("${medaudit.demo.seed:20261129}") long seed, @Value("${medaudit.demo.months:24}") int months,
            @Value("${medaudit.demo.wards:}") List<String> only) {
        this.intake = intake;
        this.wards = wards;
        this.annotations = annotations;
        this.reports = reports;
        this.json = json;
        this.clock = clock;
        this.enabled = enabled;
        this.seed = seed;
        this.months = months;
        this.only = only == null ? List.of() : only.stream().filter(code -> !code.isBlank()).toList();
    }

    /** With the start-up flag: runs in the background, so the service answers while the demo is entered. */
    @EventListener
    @Async
    void onStartup(StartupEvent event) {
        if (enabled) {
            fillIfEmpty();
        }
    }

    /** Fills the database unless it already holds samples; returns how many charts were stored. */
    public int fillIfEmpty() {
        if (intake.hasSamples()) {
            LOG.info("Demo data not created: the database already holds samples");
            return 0;
        }
        LOG.info("Creating demo data: {} months of audits on every ward...", months);
        int created = fill();
        LOG.info("Demo data ready: {} audited charts", created);
        return created;
    }

    /** The month an improving ward's change starts: half-way through the months filled. */
    static YearMonth changeMonth(YearMonth last, int months) {
        return last.minusMonths(months / 2 - 1);
    }

    /** Creates the demo audits, annotations and reports and returns how many charts were stored. */
    int fill() {
        Random random = new Random(seed);
        DemoCharts charts = new DemoCharts(seed);
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        YearMonth first = last.minusMonths(months - 1);
        YearMonth change = changeMonth(last, months);
        List<WardView> network = wards.sites().stream().flatMap(site -> site.wards().stream())
                .filter(WardView::active).toList();
        int created = 0;
        for (int index = 0; index < network.size(); index++) {
            WardView ward = network.get(index);
            // Drawn for every ward, chosen or not, so that choosing wards does not change their data.
            double baseline = 0.07 + 0.03 * random.nextDouble();
            if (!only.isEmpty() && !only.contains(ward.code())) {
                continue;
            }
            int perMonth = SIZES[index % SIZES.length];
            boolean improves = index % 2 == 0;
            Ward stored = wards.ward(ward.code()).orElseThrow();
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                if (random.nextInt(20) == 0) {
                    // A month not audited: a gap on the charts, never zero; some wards say why.
                    if (index % 3 == 1) {
                        annotate(stored, Annotation.DATA_ISSUE, "No audit this month: ward pharmacist on leave",
                                "The month's sample was not collected; the gap is not a month without errors.",
                                month.atDay(1), month.atEndOfMonth(), "Pharmacy manager", null);
                    }
                    continue;
                }
                double rate = improves && !month.isBefore(change) ? baseline * IMPROVEMENT : baseline;
                for (int i = 0; i < perMonth; i++) {
                    LocalDate day = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
                    Map<String, Object> chart = charts.chart(ward.code(), day, rate);
                    String key = "demo-" + ward.code() + "-" + month + "-" + i;
                    intake.submit(chart, key, key);
                    created++;
                }
            }
            events(stored, index, first, last);
            if (improves && change.isAfter(first) && !change.isAfter(last)) {
                improvement(stored, change);
                if (index < 4) {
                    reportsOf(ward.code(), change, last);
                }
            }
            LOG.info("Demo data: ward {} done", ward.code());
        }
        siteReport(network, last);
        return created;
    }

    /** The PDSA cycles and the change that explain an improving ward's fall in errors. */
    private void improvement(Ward ward, YearMonth change) {
        annotate(ward, Annotation.PDSA, "PDSA 1: pharmacist on the post-take ward round",
                "The ward pharmacist joins the weekday post-take round and checks every new drug chart there.",
                change.atDay(2), change.atDay(2).plusWeeks(4), "Ward pharmacist",
                "Adopt: errors on new admissions fell in the first fortnight");
        annotate(ward, Annotation.PDSA, "PDSA 2: weekly-dosing sticker on the drug chart",
                "A bright sticker for methotrexate and other weekly medicines, put on at clerking.",
                change.plusMonths(1).atDay(5), change.plusMonths(1).atDay(5).plusWeeks(6), "Ward manager",
                "Adapt: added to the admission pack");
        annotate(ward, Annotation.CHANGE, "Post-take pharmacist review on every weekday",
                "Both changes became the ward's standard way of working.", change.plusMonths(2).atDay(1), null,
                "Ward manager", null);
    }

    /** Events that are not the team's changes: each August's new junior doctor rota, on the steady wards. */
    private void events(Ward ward, int index, YearMonth first, YearMonth last) {
        if (index % 2 == 0) {
            return;
        }
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            if (month.getMonth() == Month.AUGUST) {
                annotate(ward, Annotation.NOTE, "New junior doctor rota (August changeover)",
                        "New doctors start; errors often rise for a few weeks.", month.atDay(5), null, null, null);
            }
        }
    }

    /** Example progress reports of an improving ward: the month of its change, final, and the latest, a draft. */
    private void reportsOf(String ward, YearMonth change, YearMonth last) {
        ReportSubject subject = reports.ward(ward);
        reports.create(subject, new ReportDraft(change.toString(), "final",
                "PDSA 1: the ward pharmacist joined the weekday post-take round and checked each new drug chart "
                        + "there, on 20 rounds this month.",
                "Most errors we found were written at clerking: doses left out, daily methotrexate, NSAIDs with "
                        + "poor kidney function. Catching them on the round is quicker than a later review.",
                "Adopt the round review. Next cycle: a weekly-dosing sticker at clerking, led by the ward manager."),
                AUTHOR);
        if (!last.isAfter(change)) {
            return; // a short demo: the change month is the latest, and has its report
        }
        reports.create(subject, new ReportDraft(last.toString(), "draft",
                "Kept the post-take review on every weekday; the weekly-dosing sticker is in the admission pack.",
                "The error rate has stayed below the old centre line for more than seven months: a shift, so the "
                        + "change has held.",
                "Rebase the error-rate chart at the month of the change, with the reason, and test the round "
                        + "review at weekends."), AUTHOR);
    }

    /** A site report for the latest month, from the site of the first ward filled. */
    private void siteReport(List<WardView> network, YearMonth last) {
        network.stream().filter(w -> only.isEmpty() || only.contains(w.code())).findFirst().ifPresent(ward ->
                reports.create(reports.site(ward.site()), new ReportDraft(last.toString(), "draft",
                        "Three wards now have a pharmacist on the post-take round; the others watch their charts.",
                        "Wards that changed the round show a sustained fall; wards that did not are unchanged.",
                        "Spread the round review to the remaining wards, one at a time, with a PDSA cycle each."),
                        AUTHOR));
    }

    private void annotate(Ward ward, String kind, String title, String description, LocalDate start,
            LocalDate end, String owner, String outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("title", title);
        body.put("description", description);
        body.put("startDate", start.toString());
        if (end != null) {
            body.put("endDate", end.toString());
        }
        if (owner != null) {
            body.put("owner", owner);
        }
        if (outcome != null) {
            body.put("outcome", outcome);
        }
        try {
            annotations.create(ward, json.writeValueAsBytes(body), AUTHOR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
