package org.medaudit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A large audit history written straight into MedAudit's schema with plain batched JDBC, for benchmarks that need
 * a realistic amount of stored data (the API benchmark: a million samples). Far faster than the intake (no rules run,
 * no validation), and it does not need the service's classes: the rows are what the intake would have stored, with
 * findings drawn at roughly the rates audits report.
 *
 * <p>The spread: {@code sites × wardsPerSite} wards, each audited every month for {@code months} months up to last
 * month, {@code charts} charts a month (±10%). Each ward has its own error rate (0.4× to 1.6× the average of about 9
 * prescribing errors per 100 orders, EQUIP), and a third of the wards improve by a third from the middle month, so
 * that control charts show shifts. Each chart has 6 to 12 orders, about 0.8 prescribing errors, 0.5 documentation,
 * 0.2 policy-compliance, 0.1 omitted-dose and 0.3 reconciliation findings; a third of the findings are reviewed
 * (confirmed, or overridden one time in eight). Half the charts record pre-admission medicines (1 to 4). Seeded:
 * the same arguments give the same rows.
 *
 * <p>Two steps, around the service's own first start (which creates the schema and the wards from the sites file):
 * <pre>
 * java -cp target/benchmarks.jar org.medaudit.bench.BulkHistory sites target/bench/sites.yaml 10 21
 * MEDAUDIT_DB=target/bench/medaudit.db MEDAUDIT_SITES=target/bench/sites.yaml java -jar target/medaudit.jar  # stop it
 * java -cp target/benchmarks.jar org.medaudit.bench.BulkHistory load target/bench/medaudit.db 24 200
 * </pre>
 * Loading happens with the service stopped (one writer); every ward in the database gets the history.
 */
public final class BulkHistory {

    /** A rule as findings name it: id, category, EQUIP error type, severity and sentence name. */
    private record Rule(String id, String category, String errorType, String severity, String name) {
    }

    private static final List<Rule> PRESCRIBING = List.of(
            new Rule("HRM-001", "prescribing-error", "wrong-frequency", "potentially-lethal",
                    "Oral methotrexate prescribed more often than weekly"),
            new Rule("HRM-003", "prescribing-error", "interaction", "serious",
                    "Opioid prescribed together with a benzodiazepine or Z-drug"),
            new Rule("ALG-003", "prescribing-error", "allergy", "potentially-lethal",
                    "Penicillin prescribed despite a previous severe reaction to penicillin"),
            new Rule("DOC-001", "prescribing-error", "incomplete-order", "significant", "Order has no dose"),
            new Rule("DOC-002", "prescribing-error", "incomplete-order", "minor", "Order dose has no recognised unit"),
            new Rule("DOC-004", "prescribing-error", "incomplete-order", "significant",
                    "Order frequency missing or unclear"),
            new Rule("OLD-001", "prescribing-error", "duplication", "significant",
                    "Two regular medicines of the same class prescribed for an older patient"),
            new Rule("PIN-001", "prescribing-error", "omission", "significant",
                    "NSAID prescribed for an older patient without gastroprotection"),
            new Rule("PIN-004", "prescribing-error", "interaction", "serious",
                    "Oral anticoagulant prescribed with an NSAID"),
            new Rule("REN-001", "prescribing-error", "contraindication", "serious",
                    "NSAID prescribed when eGFR is below the renal threshold"));
    private static final Rule DOCUMENTATION = new Rule("ALG-001", "documentation", "allergy-status-missing",
            "significant", "Drug allergy status not documented");
    private static final Rule POLICY = new Rule("AMS-001", "policy-compliance", "no-indication", "minor",
            "Antimicrobial prescribed with no indication");
    private static final Rule OMITTED = new Rule("OMD-001", "omitted-dose", "omitted-critical-dose", "serious",
            "Dose of a critical medicine omitted without a valid reason");
    private static final Rule RECONCILIATION = new Rule("REC-002", "reconciliation-gap", "unreconciled-medicine",
            "significant", "Medicine taken before admission missing from the chart with no documented reason");
    private static final String[] DRUGS = {"paracetamol", "amoxicillin", "enoxaparin", "furosemide", "ramipril",
        "morphine", "warfarin", "ibuprofen", "metformin", "omeprazole", "atorvastatin", "amlodipine"};
    private static final int BATCH = 5_000;

    private BulkHistory() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 4 && args[0].equals("sites")) {
            writeSites(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else if (args.length >= 4 && args[0].equals("load")) {
            long seed = args.length > 4 ? Long.parseLong(args[4]) : SyntheticCharts.DEFAULT_SEED;
            load(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), seed);
        } else {
            System.err.println("usage: BulkHistory sites <file> <sites> <wardsPerSite>\n"
                    + "       BulkHistory load <sqlite file> <months> <chartsPerWardMonth> [seed]");
            System.exit(2);
        }
    }

    /** A sites file of {@code sites} sites (B01…) with {@code wardsPerSite} wards each (B01W01…). */
    static void writeSites(Path file, int sites, int wardsPerSite) throws IOException {
        StringBuilder yaml = new StringBuilder("# Benchmark network written by BulkHistory.\nsites:\n");
        for (int s = 1; s <= sites; s++) {
            String site = "B%02d".formatted(s);
            yaml.append("  ").append(site).append(":\n    name: Benchmark hospital ").append(s).append("\n    wards:\n");
            for (int w = 1; w <= wardsPerSite; w++) {
                yaml.append("      ").append(site).append("W%02d".formatted(w)).append(": { name: Ward ").append(w)
                        .append(" of hospital ").append(s).append(" }\n");
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, yaml);
        System.out.println("Wrote " + sites * wardsPerSite + " wards to " + file);
    }

    /** Inserts the history for every ward of the database; prints what it wrote and how fast. */
    static void load(String databaseFile, int months, int charts, long seed) throws SQLException {
        long started = System.nanoTime();
        // A bulk load into a database no one else has open: no journal, no foreign-key checks (the rows are made
        // consistent here), and a large page cache for the random-key indexes. The service turns WAL back on.
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + databaseFile
                + "?journal_mode=OFF&foreign_keys=false&synchronous=OFF&date_class=TEXT")) {
            try (Statement pragma = db.createStatement()) {
                pragma.execute("PRAGMA cache_size = -262144");
            }
            db.setAutoCommit(false);
            Map<Long, String> wards = wards(db);
            String ruleBook = single(db, "SELECT version FROM rule_book ORDER BY built_at DESC LIMIT 1");
            YearMonth last = YearMonth.now().minusMonths(1);
            YearMonth first = last.minusMonths(months - 1L);
            SplittableRandom random = new SplittableRandom(seed);
            long samples = 0;
            long findings = 0;
            List<Long> wardIds = new ArrayList<>(wards.keySet());
            double[] wardRates = new double[wardIds.size()];
            boolean[] improves = new boolean[wardIds.size()];
            for (int w = 0; w < wardIds.size(); w++) {
                wardRates[w] = 0.4 + 1.2 * random.nextDouble();
                improves[w] = random.nextInt(3) == 0;
            }
            // Month by month across all wards, as audits arrive: a ward's samples are spread through the table.
            try (Writer writer = new Writer(db, ruleBook)) {
                for (int m = 0; m < months; m++) {
                    YearMonth month = first.plusMonths(m);
                    for (int w = 0; w < wardIds.size(); w++) {
                        double rate = wardRates[w] * (improves[w] && m >= months / 2 ? 0.67 : 1.0);
                        int count = charts + random.nextInt(-charts / 10, charts / 10 + 1);
                        for (int c = 0; c < count; c++) {
                            findings += writer.sample(wardIds.get(w), month, rate, random);
                            samples++;
                        }
                    }
                    writer.flush();
                    db.commit();
                    System.out.printf("%s: %,d samples so far%n", month, samples);
                }
            }
            db.setAutoCommit(true);
            try (Statement pragma = db.createStatement()) {
                pragma.execute("PRAGMA journal_mode = WAL"); // as the service keeps it, before it opens the file
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Loaded %,d samples with %,d findings into %d wards, %s to %s, in %.0f s (%,.0f samples/s)%n",
                    samples, findings, wards.size(), first, last, seconds, samples / seconds);
        }
    }

    private static Map<Long, String> wards(Connection db) throws SQLException {
        Map<Long, String> wards = new LinkedHashMap<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, code FROM ward WHERE active ORDER BY id")) {
            while (rows.next()) {
                wards.put(rows.getLong(1), rows.getString(2));
            }
        }
        if (wards.isEmpty()) {
            throw new IllegalStateException("No wards: start the service once on this database (it creates the "
                    + "schema and the wards from the sites file), stop it, then load");
        }
        return wards;
    }

    private static String single(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                throw new IllegalStateException("Nothing for " + sql + ": start the service once on this database");
            }
            return rows.getString(1);
        }
    }

    /** Batched inserts of samples, their findings and their pre-admission medicines. */
    private static final class Writer implements AutoCloseable {
        private final PreparedStatement sample;
        private final PreparedStatement finding;
        private final PreparedStatement medicine;
        private final String ruleBook;
        private final String now = Instant.now().toString();
        private int pending;

        Writer(Connection db, String ruleBook) throws SQLException {
            this.ruleBook = ruleBook;
            sample = db.prepareStatement("""
                    INSERT INTO chart_sample (id, ward_id, audit_date, period, sample_type, patient_recorded,
                        age_years, sex, egfr, conditions_recorded, allergy_status, allergies_recorded,
                        admission_recorded, admitted_at, reconciliation_completed_at, pre_admission_recorded,
                        omitted_doses_recorded, monitoring_recorded, orders_audited, reconciliation_judged,
                        reconciled_in_time, rule_book_version, created_at)
                    VALUES (?, ?, ?, ?, 'random-monthly', TRUE, ?, ?, ?, TRUE, ?, TRUE, TRUE, ?, ?, ?, TRUE, FALSE, ?,
                        TRUE, ?, ?, ?)""");
            finding = db.prepareStatement("""
                    INSERT INTO finding (id, sample_id, position, rule_id, rule_name, category, error_type, severity,
                        source, message, drug, order_index, status, rule_book_version, created_at, review_reason,
                        reviewed_by, reviewed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'benchmark', ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            medicine = db.prepareStatement("""
                    INSERT INTO pre_admission_medicine (sample_id, position, drug, dose, unit, route, frequency,
                        on_chart, change_documented)
                    VALUES (?, ?, ?, 5, 'mg', 'oral', 'once-daily', ?, ?)""");
        }

        /** One audited chart; returns how many findings it has. */
        int sample(long wardId, YearMonth month, double rate, SplittableRandom random) throws SQLException {
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            LocalDate day = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
            int orders = 6 + random.nextInt(7);
            boolean reconciledInTime = random.nextInt(100) < 75;
            boolean preAdmission = random.nextBoolean();
            sample.setString(1, id);
            sample.setLong(2, wardId);
            sample.setString(3, day.toString());
            sample.setString(4, month.toString());
            sample.setInt(5, 18 + random.nextInt(80));
            sample.setString(6, random.nextBoolean() ? "F" : "M");
            sample.setDouble(7, 20 + random.nextInt(80));
            sample.setString(8, random.nextInt(100) < 92 ? (random.nextInt(4) == 0 ? "drug-allergy" : "none-known")
                    : null);
            sample.setString(9, day.minusDays(2) + "T10:00");
            sample.setString(10, day.minusDays(reconciledInTime ? 1 : 0) + "T09:00");
            sample.setBoolean(11, preAdmission);
            sample.setInt(12, orders);
            sample.setBoolean(13, reconciledInTime);
            sample.setString(14, ruleBook);
            sample.setString(15, now);
            sample.addBatch();

            int medicines = preAdmission ? 1 + random.nextInt(4) : 0;
            for (int i = 0; i < medicines; i++) {
                medicine.setString(1, id);
                medicine.setInt(2, i);
                medicine.setString(3, DRUGS[random.nextInt(DRUGS.length)]);
                boolean onChart = random.nextInt(100) < 85;
                medicine.setBoolean(4, onChart);
                medicine.setBoolean(5, !onChart && random.nextBoolean());
                medicine.addBatch();
            }
            List<Rule> found = new ArrayList<>();
            for (int i = poisson(0.09 * orders * rate, random); i > 0; i--) {
                found.add(PRESCRIBING.get(random.nextInt(PRESCRIBING.size())));
            }
            addTimes(found, DOCUMENTATION, poisson(0.5 * rate, random));
            addTimes(found, POLICY, poisson(0.2, random));
            addTimes(found, OMITTED, poisson(0.1 * rate, random));
            addTimes(found, RECONCILIATION, poisson(0.3, random));
            for (int position = 0; position < found.size(); position++) {
                addFinding(id, position, found.get(position), orders, random);
            }
            if (++pending >= BATCH) {
                flush();
            }
            return found.size();
        }

        private void addFinding(String sampleId, int position, Rule rule, int orders, SplittableRandom random)
                throws SQLException {
            int review = random.nextInt(24);
            String status = review < 16 ? "flagged" : review < 23 ? "confirmed" : "overridden";
            String drug = DRUGS[random.nextInt(DRUGS.length)];
            finding.setString(1, new UUID(random.nextLong(), random.nextLong()).toString());
            finding.setString(2, sampleId);
            finding.setInt(3, position);
            finding.setString(4, rule.id());
            finding.setString(5, rule.name());
            finding.setString(6, rule.category());
            finding.setString(7, rule.errorType());
            finding.setString(8, rule.severity());
            finding.setString(9, rule.name() + " (" + drug + ")");
            finding.setString(10, drug);
            finding.setInt(11, random.nextInt(orders));
            finding.setString(12, status);
            finding.setString(13, ruleBook);
            finding.setString(14, now);
            finding.setString(15, status.equals("overridden") ? "clinically-appropriate" : null);
            finding.setString(16, status.equals("flagged") ? null : "benchmark");
            finding.setString(17, status.equals("flagged") ? null : now);
            finding.addBatch();
        }

        void flush() throws SQLException {
            sample.executeBatch();
            medicine.executeBatch();
            finding.executeBatch();
            pending = 0;
        }

        @Override
        public void close() throws SQLException {
            sample.close();
            finding.close();
            medicine.close();
        }

        private static void addTimes(List<Rule> found, Rule rule, int times) {
            for (int i = 0; i < times; i++) {
                found.add(rule);
            }
        }

        /** A Poisson draw (Knuth), fine for the small means here. */
        private static int poisson(double mean, SplittableRandom random) {
            double limit = Math.exp(-mean);
            double product = random.nextDouble();
            int count = 0;
            while (product > limit) {
                product *= random.nextDouble();
                count++;
            }
            return count;
        }
    }
}
