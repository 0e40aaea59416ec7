package org.medaudit.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Async;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Random;
import org.medaudit.sample.SampleIntake;
import org.medaudit.ward.WardDirectory;
import org.medaudit.ward.WardView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty database with two years of monthly audits on every ward, so that a newcomer sees meaningful
 * charts at once: wards of different sizes, a few months not audited, and some wards whose error rate falls after
 * a change half-way through. Started with {@code --medaudit.demo.enabled=true} (or {@code MEDAUDIT_DEMO=true});
 * it never touches a database that already holds samples, and the charts go through the ordinary intake.
 */
@Singleton
@Requires(property = "medaudit.demo.enabled", value = "true")
class DemoNetwork {

    private static final Logger LOG = LoggerFactory.getLogger(DemoNetwork.class);

    private final SampleIntake intake;
    private final WardDirectory wards;
    private final Clock clock;
    private final long seed;
    private final int months;

    DemoNetwork(SampleIntake intake, WardDirectory wards, Clock clock,
            @Value("${medaudit.demo.seed:20261129}") long seed, @Value("${medaudit.demo.months:24}") int months) {
        this.intake = intake;
        this.wards = wards;
        this.clock = clock;
        this.seed = seed;
        this.months = months;
    }

    /** Runs in the background: the service answers while the demo audits are being entered. */
    @EventListener
    @Async
    void onStartup(StartupEvent event) {
        if (intake.hasSamples()) {
            LOG.info("Demo data not created: the database already holds samples");
            return;
        }
        LOG.info("Creating demo data: {} months of audits on every ward...", months);
        int created = fill();
        LOG.info("Demo data ready: {} audited charts", created);
    }

    /** Creates the demo audits and returns how many charts were stored. */
    int fill() {
        Random random = new Random(seed);
        DemoCharts charts = new DemoCharts(seed);
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        int created = 0;
        int wardIndex = 0;
        for (WardView ward : wards.sites().stream().flatMap(site -> site.wards().stream())
                .filter(WardView::active).toList()) {
            // Ward sizes differ: some audit the IHI minimum of 20 charts a month, small units fewer.
            int perMonth = new int[] {20, 24, 12, 16, 8, 20, 10}[wardIndex % 7];
            // Every other ward improves after a change made half-way through the two years.
            boolean improves = wardIndex % 2 == 0;
            double baseline = 0.07 + 0.03 * random.nextDouble();
            for (int m = months - 1; m >= 0; m--) {
                YearMonth month = last.minusMonths(m);
                if (random.nextInt(20) == 0) {
                    continue; // a month not audited: shown as a gap, never as zero
                }
                double rate = improves && m < months / 2 ? baseline * 0.45 : baseline;
                for (int i = 0; i < perMonth; i++) {
                    LocalDate day = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
                    Map<String, Object> chart = charts.chart(ward.code(), day, rate);
                    String key = "demo-" + ward.code() + "-" + month + "-" + i;
                    intake.submit(chart, key, key);
                    created++;
                }
            }
            LOG.info("Demo data: ward {} done", ward.code());
            wardIndex++;
        }
        return created;
    }
}
