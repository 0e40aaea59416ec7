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
 * A large audit history written straight into MedAudit's schema, for benchmarks that need a realistic amount of
 * stored data (the API benchmark: a million samples in SQLite; the national simulation: millions in PostgreSQL). Far
 * faster than the intake (no rules run, no validation), and it does not need the service's classes: the rows are
 * what the intake would have stored, with findings drawn at roughly the rates audits report. SQLite is written with
 * plain batched JDBC; PostgreSQL with {@code COPY} through the driver's {@code CopyManager}, triggers off for the
 * load, secondary indexes dropped and rebuilt afterwards, every ward's data version raised once at the end.
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
 * java -cp … org.medaudit.bench.BulkHistory load 'jdbc:postgresql://127.0.0.1:5432/db?user=postgres' 12 20
 * </pre>
 * Loading happens with the service stopped (one writer); every active ward in the database gets the history.
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
                    + "       BulkHistory load <sqlite file | jdbc:postgresql://…?user=…> <months> <chartsPerWardMonth>"
                    + " [seed]");
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

    /**
     * Writes the history for every ward of the database, a SQLite file or a {@code jdbc:postgresql:} URL (with its
     * user, e.g. {@code ?user=postgres}); prints what it wrote and how fast.
     */
    static void load(String target, int months, int charts, long seed) throws SQLException {
        long started = System.nanoTime();
        boolean postgres = target.startsWith("jdbc:postgresql:");
        // SQLite: a bulk load into a file no one else has open: no journal, no foreign-key checks (the rows are made
        // consistent here), and a large page cache for the random-key indexes. The service turns WAL back on.
        try (Connection db = DriverManager.getConnection(postgres ? target : "jdbc:sqlite:" + target
                + "?journal_mode=OFF&foreign_keys=false&synchronous=OFF&date_class=TEXT")) {
            List<String> indexes = List.of();
            if (postgres) {
                indexes = dropIndexes(db);
            } else {
                try (Statement pragma = db.createStatement()) {
                    pragma.execute("PRAGMA cache_size = -262144");
                }
                db.setAutoCommit(false);
            }
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
            List<Connection> copying = new ArrayList<>();
            try {
                if (postgres) {
                    for (int i = 0; i < Table.values().length; i++) {
                        Connection connection = DriverManager.getConnection(target);
                        copying.add(connection);
                        try (Statement statement = connection.createStatement()) {
                            // No triggers on these sessions: no foreign-key checks across the three COPY streams,
                            // and no ward_data_version raise per row (raised once per ward at the end).
                            statement.execute("SET session_replication_role = replica");
                        }
                    }
                }
                // Month by month across all wards, as audits arrive: a ward's samples are spread through the table.
                try (Sink sink = postgres ? new CopySink(copying) : new BatchSink(db)) {
                    Writer writer = new Writer(sink, ruleBook);
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
                        sink.flush();
                        if (!postgres) {
                            db.commit();
                        }
                        System.out.printf("%s: %,d samples so far, %.0f s%n", month, samples,
                                (System.nanoTime() - started) / 1e9);
                    }
                }
            } finally {
                for (Connection connection : copying) {
                    connection.close();
                }
            }
            double rowsSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Wrote %,d samples with %,d findings into %d wards, %s to %s, in %.0f s (%,.0f samples/s)%n",
                    samples, findings, wards.size(), first, last, rowsSeconds, samples / rowsSeconds);
            if (postgres) {
                finishPostgres(db, indexes);
            } else {
                db.setAutoCommit(true);
                try (Statement pragma = db.createStatement()) {
                    pragma.execute("PRAGMA journal_mode = WAL"); // as the service keeps it, before it opens the file
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Loaded %,d samples with %,d findings into %d wards, %s to %s, in %.0f s (%,.0f samples/s)%n",
                    samples, findings, wards.size(), first, last, seconds, samples / seconds);
        }
    }

    /**
     * Drops the secondary indexes of the three tables a history fills (building them once afterwards is far cheaper
     * than keeping them during the load) and returns their definitions; primary keys stay.
     */
    private static List<String> dropIndexes(Connection db) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT indexname, indexdef FROM pg_indexes
                     WHERE schemaname = current_schema()
                       AND tablename IN ('chart_sample', 'finding', 'pre_admission_medicine')
                       AND indexname NOT IN (SELECT conname FROM pg_constraint)""")) {
            while (rows.next()) {
                names.add(rows.getString(1));
                definitions.add(rows.getString(2));
            }
        }
        try (Statement statement = db.createStatement()) {
            for (String name : names) {
                statement.execute("DROP INDEX " + name);
            }
        }
        System.out.println("Dropped " + names.size() + " secondary indexes for the load: " + names);
        return definitions;
    }

    /**
     * Rebuilds the dropped indexes, raises every ward's data version once (the triggers were off, and a running
     * instance's rates cache must see the new rows) and gathers the planner's statistics.
     */
    private static void finishPostgres(Connection db, List<String> indexes) throws SQLException {
        try (Statement statement = db.createStatement()) {
            long started = System.nanoTime();
            statement.execute("SET maintenance_work_mem = '1GB'");
            for (String index : indexes) {
                statement.execute(index);
            }
            System.out.printf("Rebuilt %d indexes in %.0f s%n", indexes.size(), (System.nanoTime() - started) / 1e9);
            statement.execute("""
                    INSERT INTO ward_data_version (ward_id, version) SELECT id, 1 FROM ward
                    ON CONFLICT (ward_id) DO UPDATE SET version = ward_data_version.version + 1""");
            started = System.nanoTime();
            statement.execute("ANALYZE");
            System.out.printf("Analyzed in %.0f s%n", (System.nanoTime() - started) / 1e9);
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

    /** The three tables a history fills, with the columns every row gives, in order. */
    private enum Table {
        SAMPLE("chart_sample", "id, ward_id, audit_date, period, week, sample_type, patient_recorded, age_years, sex, "
                + "egfr, conditions_recorded, allergy_status, allergies_recorded, admission_recorded, admitted_at, "
                + "reconciliation_completed_at, pre_admission_recorded, omitted_doses_recorded, monitoring_recorded, "
                + "orders_audited, reconciliation_judged, reconciled_in_time, rule_book_version, created_at"),
        FINDING("finding", "id, sample_id, position, rule_id, rule_name, category, error_type, severity, source, "
                + "message, drug, order_index, status, rule_book_version, created_at, review_reason, reviewed_by, "
                + "reviewed_at"),
        MEDICINE("pre_admission_medicine", "sample_id, position, drug, dose, unit, route, frequency, on_chart, "
                + "change_documented");

        final String name;
        final String columns;

        Table(String name, String columns) {
            this.name = name;
            this.columns = columns;
        }

        int width() {
            return columns.split(",").length;
        }
    }

    /** Where generated rows go: batched inserts (SQLite) or COPY streams (PostgreSQL). */
    private interface Sink extends AutoCloseable {
        void row(Table table, Object... values) throws SQLException;

        /** Sends what is pending; called at the end of each month. */
        void flush() throws SQLException;

        @Override
        void close() throws SQLException;
    }

    /** Batched prepared inserts, one per table, on the one connection. */
    private static final class BatchSink implements Sink {
        private final Map<Table, PreparedStatement> statements = new java.util.EnumMap<>(Table.class);
        private int pending;

        BatchSink(Connection db) throws SQLException {
            for (Table table : Table.values()) {
                statements.put(table, db.prepareStatement("INSERT INTO " + table.name + " (" + table.columns
                        + ") VALUES (" + String.join(", ", java.util.Collections.nCopies(table.width(), "?")) + ")"));
            }
        }

        @Override
        public void row(Table table, Object... values) throws SQLException {
            PreparedStatement statement = statements.get(table);
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.addBatch();
            if (table == Table.SAMPLE && ++pending >= BATCH) {
                flush();
            }
        }

        @Override
        public void flush() throws SQLException {
            // Samples first: their findings and medicines refer to them.
            for (Table table : Table.values()) {
                statements.get(table).executeBatch();
            }
            pending = 0;
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
        }
    }

    /**
     * One {@code COPY … FROM STDIN} per table, each on its own connection (a connection carries one COPY at a time),
     * in PostgreSQL's text format. The caller disables triggers (foreign keys included) on these connections, since
     * a finding may reach the server before its sample's COPY has committed.
     */
    private static final class CopySink implements Sink {
        private static final int BUFFER = 1 << 20;
        private final Map<Table, org.postgresql.copy.CopyManager> managers = new java.util.EnumMap<>(Table.class);
        private final Map<Table, org.postgresql.copy.CopyIn> copies = new java.util.EnumMap<>(Table.class);
        private final Map<Table, StringBuilder> buffers = new java.util.EnumMap<>(Table.class);

        CopySink(List<Connection> connections) throws SQLException {
            for (Table table : Table.values()) {
                org.postgresql.copy.CopyManager manager = connections.get(table.ordinal())
                        .unwrap(org.postgresql.PGConnection.class).getCopyAPI();
                managers.put(table, manager);
                copies.put(table, manager.copyIn(statement(table)));
                buffers.put(table, new StringBuilder(BUFFER + 4096));
            }
        }

        @Override
        public void row(Table table, Object... values) throws SQLException {
            StringBuilder line = buffers.get(table);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    line.append('\t');
                }
                Object value = values[i];
                // No generated value holds a tab, newline or backslash, so none needs escaping.
                if (value == null) {
                    line.append("\\N");
                } else if (value instanceof Boolean b) {
                    line.append(b ? 't' : 'f');
                } else {
                    line.append(value);
                }
            }
            line.append('\n');
            if (line.length() >= BUFFER) {
                send(table);
            }
        }

        private void send(Table table) throws SQLException {
            byte[] bytes = buffers.get(table).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            copies.get(table).writeToCopy(bytes, 0, bytes.length);
            buffers.get(table).setLength(0);
        }

        /** Ends each table's COPY, which commits it (auto-commit), and starts the next. */
        @Override
        public void flush() throws SQLException {
            for (Table table : Table.values()) {
                send(table);
                copies.get(table).endCopy();
                copies.put(table, managers.get(table).copyIn(statement(table)));
            }
        }

        @Override
        public void close() throws SQLException {
            for (Table table : Table.values()) {
                send(table);
                copies.get(table).endCopy();
            }
        }

        private static String statement(Table table) {
            return "COPY " + table.name + " (" + table.columns + ") FROM STDIN";
        }
    }

    /** Samples, their findings and their pre-admission medicines, drawn as described above, into a sink. */
    private static final class Writer {
        private final Sink sink;
        private final String ruleBook;
        private final String now = Instant.now().toString();

        Writer(Sink sink, String ruleBook) {
            this.sink = sink;
            this.ruleBook = ruleBook;
        }

        /** One audited chart; returns how many findings it has. */
        int sample(long wardId, YearMonth month, double rate, SplittableRandom random) throws SQLException {
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            LocalDate day = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
            int orders = 6 + random.nextInt(7);
            boolean reconciledInTime = random.nextInt(100) < 75;
            boolean preAdmission = random.nextBoolean();
            int age = 18 + random.nextInt(80);
            String sex = random.nextBoolean() ? "F" : "M";
            double egfr = 20 + random.nextInt(80);
            String allergyStatus = random.nextInt(100) < 92
                    ? (random.nextInt(4) == 0 ? "drug-allergy" : "none-known") : null;
            String week = "%d-W%02d".formatted(day.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                    day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            sink.row(Table.SAMPLE, id, wardId, day.toString(), month.toString(), week, "random-monthly", true, age,
                    sex, egfr, true, allergyStatus, true, true, day.minusDays(2) + "T10:00",
                    day.minusDays(reconciledInTime ? 1 : 0) + "T09:00", preAdmission, true, false, orders, true,
                    reconciledInTime, ruleBook, now);

            int medicines = preAdmission ? 1 + random.nextInt(4) : 0;
            for (int i = 0; i < medicines; i++) {
                String drug = DRUGS[random.nextInt(DRUGS.length)];
                boolean onChart = random.nextInt(100) < 85;
                sink.row(Table.MEDICINE, id, i, drug, 5, "mg", "oral", "once-daily", onChart,
                        !onChart && random.nextBoolean());
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
            return found.size();
        }

        private void addFinding(String sampleId, int position, Rule rule, int orders, SplittableRandom random)
                throws SQLException {
            int review = random.nextInt(24);
            String status = review < 16 ? "flagged" : review < 23 ? "confirmed" : "overridden";
            String drug = DRUGS[random.nextInt(DRUGS.length)];
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            sink.row(Table.FINDING, id, sampleId, position, rule.id(), rule.name(), rule.category(),
                    rule.errorType(), rule.severity(), "benchmark", rule.name() + " (" + drug + ")", drug,
                    random.nextInt(orders), status, ruleBook, now,
                    status.equals("overridden") ? "clinically-appropriate" : null,
                    status.equals("flagged") ? null : "benchmark", status.equals("flagged") ? null : now);
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
