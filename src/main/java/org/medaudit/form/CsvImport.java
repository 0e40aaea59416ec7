package org.medaudit.form;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.medaudit.sample.IdempotencyConflictException;
import org.medaudit.sample.SampleIntake;
import org.medaudit.sample.Submission;
import org.medaudit.system.FormValues;

/**
 * Imports audited charts from a CSV file laid out as {@link CsvLayout}: reads it as a stream, one chart at a time,
 * turns each chart's lines into the form's answers and enters them through {@link AuditEntry} — the same mapping,
 * checks, rules and storage as the web form — reporting each chart as stored, already stored or refused (with the
 * line and column of every problem). The upload page and the command line both import through here.
 *
 * <p>Each chart's idempotency key is a hash of its own lines, not of the file, so that uploading the same file
 * again, or a corrected copy of a partly refused file, stores only the charts not stored before. Identical charts
 * within one file stay distinct by their order of appearance.
 */
@Singleton
public class CsvImport {

    /** Longest chart reference; it only groups lines and must not be an identifier. */
    static final int MAX_CHART_REFERENCE = 40;

    /** A reference with a run of 7 or more digits could be a hospital or NHS number: refused, never echoed. */
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{7,}");

    private final AuditEntry entry;

    CsvImport(AuditEntry entry) {
        this.entry = entry;
    }

    /** What happened to one chart of the file. */
    public enum Status {
        STORED, ALREADY_STORED, REFUSED
    }

    /** A problem in one cell of the file (or its header, line 1). */
    public record Problem(long line, String column, String message) {
    }

    /**
     * One chart of the file and what became of it.
     *
     * @param chart the chart reference as given (null when it was refused as a possible identifier)
     * @param sampleId the stored sample (also when an earlier upload stored it)
     */
    public record ChartOutcome(long firstLine, long lastLine, @Nullable String chart, Status status,
            @Nullable String sampleId, @Nullable String ward, @Nullable String auditDate, int findings,
            List<Problem> problems) {
    }

    /** The whole import: counts, and the problems that refused the file itself (then nothing was imported). */
    public record Summary(long lines, int stored, int alreadyStored, int refused, List<Problem> fileProblems) {
    }

    /**
     * Imports every chart of a CSV file (UTF-8, header line first), calling {@code each} as each chart is done.
     *
     * @param defaultWard the ward for charts whose {@code ward} column is blank (or absent); null for none
     */
    public Summary run(FormDefinition form, Reader csv, @Nullable String defaultWard, Consumer<ChartOutcome> each)
            throws IOException {
        CsvLayout layout = CsvLayout.of(form);
        // Duplicate names are let through the parser, so that the header check can name them.
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();
        Reader reader = withoutByteOrderMark(csv);
        CSVParser parser;
        try {
            parser = CSVParser.parse(reader, format);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return refusedFile(new Problem(1, "", "the header line cannot be read: " + e.getMessage()));
        }
        try (parser) {
            List<Problem> headerProblems = header(layout, parser.getHeaderNames());
            if (!headerProblems.isEmpty()) {
                return new Summary(1, 0, 0, 0, headerProblems);
            }
            Run run = new Run(form, layout, parser.getHeaderNames(), defaultWard, each);
            try {
                for (CSVRecord record : parser) {
                    run.line(record, parser.getCurrentLineNumber());
                }
            } catch (UncheckedIOException e) {
                // Malformed CSV (an unclosed quote): the charts read before stand; the rest cannot be trusted, nor
                // can the chart it cut short, whose later lines were lost.
                run.cutShort(parser.getCurrentLineNumber());
                List<Problem> problems = List.of(new Problem(parser.getCurrentLineNumber(), "",
                        "the file is not valid CSV from here on (" + e.getCause().getMessage()
                                + "); lines after it were not read"));
                return new Summary(parser.getCurrentLineNumber(), run.stored, run.alreadyStored, run.refused,
                        problems);
            }
            run.finish();
            return new Summary(parser.getCurrentLineNumber(), run.stored, run.alreadyStored, run.refused, List.of());
        }
    }

    /** A chart reference too long, or with a number long enough to be an identifier: refused and never shown. */
    private static boolean unfit(String reference) {
        return reference.length() > MAX_CHART_REFERENCE || LONG_NUMBER.matcher(reference).find();
    }

    private static Summary refusedFile(Problem problem) {
        return new Summary(1, 0, 0, 0, List.of(problem));
    }

    /**
     * Unknown columns refuse the file: one could carry names or numbers that MedAudit must never take in. So do
     * repeated ones, of which only one would be read.
     */
    private static List<Problem> header(CsvLayout layout, List<String> names) {
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                problems.add(new Problem(1, name, "is in the header twice: each column may be given once"));
            } else if (layout.column(name).isEmpty()) {
                problems.add(new Problem(1, name, "is not a column of the form \"" + layout.form().title()
                        + "\" (the template lists them); MedAudit takes no other columns, so that no identifier "
                        + "can enter it"));
            }
        }
        if (!names.contains(CsvLayout.CHART)) {
            problems.add(new Problem(1, CsvLayout.CHART, "the column is missing: it tells which lines are one chart"));
        }
        return problems;
    }

    /** One pass over the file: collects a chart's lines until its reference changes, then enters it. */
    private final class Run {

        private final FormDefinition form;
        private final CsvLayout layout;
        private final List<String> header;
        private final Map<String, Integer> positions = new HashMap<>();
        private final String defaultWard;
        private final Consumer<ChartOutcome> each;
        private final Map<String, Integer> seen = new HashMap<>();
        private final Map<String, Long> finishedCharts = new HashMap<>();
        private String chart;
        private final List<CSVRecord> lines = new ArrayList<>();
        private final List<Long> lineNumbers = new ArrayList<>();
        private long overflow;
        int stored;
        int alreadyStored;
        int refused;

        Run(FormDefinition form, CsvLayout layout, List<String> header, String defaultWard,
                Consumer<ChartOutcome> each) {
            this.form = form;
            this.layout = layout;
            this.header = header;
            // Cells are read by position: by name, each cost three look-ups, millions of them in a large file.
            for (int i = 0; i < header.size(); i++) {
                positions.putIfAbsent(header.get(i), i);
            }
            this.defaultWard = defaultWard;
            this.each = each;
        }

        void line(CSVRecord record, long lineNumber) {
            String reference = record.isMapped(CsvLayout.CHART) ? record.get(CsvLayout.CHART) : "";
            if (chart == null || !chart.equals(reference)) {
                finish();
                chart = reference;
            }
            if (lines.size() < FormAnswers.MAX_ROWS) {
                lines.add(record);
                lineNumbers.add(lineNumber);
            } else {
                overflow = lineNumber;
            }
        }

        void finish() {
            if (lines.isEmpty()) {
                return;
            }
            ChartOutcome outcome = enter();
            switch (outcome.status()) {
                case STORED -> stored++;
                case ALREADY_STORED -> alreadyStored++;
                case REFUSED -> refused++;
            }
            each.accept(outcome);
            lines.clear();
            lineNumbers.clear();
            overflow = 0;
        }

        /** Refuses the chart in progress, which the end of readable CSV cut short; stores nothing of it. */
        void cutShort(long line) {
            if (lines.isEmpty()) {
                return;
            }
            long first = lineNumbers.get(0);
            long last = lineNumbers.get(lineNumbers.size() - 1);
            String reference = unfit(chart) ? null : chart;
            refused++;
            each.accept(new ChartOutcome(first, last, reference, Status.REFUSED, null, null, null, 0,
                    List.of(new Problem(first, CsvLayout.CHART, "the file is not valid CSV after line " + last
                            + " (from line " + line + " on it cannot be read), so this chart may be missing "
                            + "lines; nothing of it was stored"))));
            lines.clear();
            lineNumbers.clear();
            overflow = 0;
        }

        private ChartOutcome enter() {
            long first = lineNumbers.get(0);
            long last = overflow > 0 ? overflow : lineNumbers.get(lineNumbers.size() - 1);
            List<Problem> problems = new ArrayList<>();
            String reference = chart;
            if (reference.isEmpty()) {
                problems.add(new Problem(first, CsvLayout.CHART, "is blank: give each chart a reference, such as 1, "
                        + "2, 3, on every one of its lines"));
            } else if (unfit(reference)) {
                problems.add(new Problem(first, CsvLayout.CHART, "must be a short reference of at most "
                        + MAX_CHART_REFERENCE + " characters without long numbers (never a hospital or NHS number)"));
                reference = null;
            }
            Long earlier = reference == null ? null : finishedCharts.get(reference);
            if (earlier != null) {
                problems.add(new Problem(first, CsvLayout.CHART, "chart \"" + reference + "\" already ended on line "
                        + earlier + ": keep each chart's lines together, or give this chart its own reference"));
            }
            if (overflow > 0) {
                problems.add(new Problem(first, CsvLayout.CHART, "the chart has more than " + FormAnswers.MAX_ROWS
                        + " lines; a chart sample holds at most " + FormAnswers.MAX_ROWS + " orders"));
            }
            if (reference != null && !reference.isEmpty()) {
                finishedCharts.put(reference, last);
            }
            lineProblems(problems);
            Map<String, Cell> cells = new HashMap<>();
            FormValues values = values(cells, problems);
            if (!problems.isEmpty()) {
                return refusedChart(first, last, reference, values, problems);
            }
            try {
                Submission submission = entry.submit(form, values);
                return new ChartOutcome(first, last, reference, submission.replayed() ? Status.ALREADY_STORED
                        : Status.STORED, submission.sample().id(), submission.sample().ward(),
                        submission.sample().auditDate().toString(), submission.sample().findings().size(),
                        List.of());
            } catch (AuditEntry.RefusedAnswers e) {
                e.placed().forEach(placed -> {
                    Cell cell = cells.get(placed.id());
                    problems.add(cell == null ? new Problem(first, placed.what(), placed.detail())
                            : new Problem(cell.line(), cell.column(), placed.detail()));
                });
                return refusedChart(first, last, reference, values, problems);
            } catch (IdempotencyConflictException e) {
                problems.add(new Problem(first, CsvLayout.CHART, "these lines were imported before with another "
                        + "version of the form; they are not stored again"));
                return refusedChart(first, last, reference, values, problems);
            }
        }

        private ChartOutcome refusedChart(long first, long last, String reference, FormValues values,
                List<Problem> problems) {
            String ward = values.text("ward");
            String date = values.text("auditDate");
            return new ChartOutcome(first, last, reference, Status.REFUSED, null, ward.isEmpty() ? null : ward,
                    date.isEmpty() ? null : date, 0, List.copyOf(problems));
        }

        /**
         * Lines whose values do not line up with the header (an unquoted comma shifts every value after it into the
         * wrong column) and cells that were not UTF-8 (read as U+FFFD, which would otherwise be stored in place of
         * the text).
         */
        private void lineProblems(List<Problem> problems) {
            for (int k = 0; k < lines.size(); k++) {
                CSVRecord record = lines.get(k);
                long line = lineNumbers.get(k);
                if (record.size() > header.size()) {
                    problems.add(new Problem(line, header.get(header.size() - 1), "the line has " + record.size()
                            + " values but the header names " + header.size() + " columns: a value that contains "
                            + "a comma must be in double quotes"));
                } else if (record.size() < header.size()) {
                    problems.add(new Problem(line, header.get(record.size()), "the line ends after " + record.size()
                            + " values but the header names " + header.size() + " columns: a value that contains "
                            + "a line break must be in double quotes"));
                }
                for (int c = 0; c < Math.min(record.size(), header.size()); c++) {
                    if (record.get(c).indexOf('\uFFFD') >= 0) {
                        problems.add(new Problem(line, header.get(c), "is not UTF-8 text: save the file as "
                                + "\"CSV UTF-8\""));
                    }
                }
            }
        }

        /**
         * The chart's lines as the form's answers, remembering which line and column each answer came from.
         * A chart's single answers come from its first line; a different value on a later line is a problem.
         */
        private FormValues values(Map<String, Cell> cells, List<Problem> problems) {
            Map<String, Object> answers = new LinkedHashMap<>();
            StringBuilder content = new StringBuilder(form.id());
            for (CsvLayout.Column column : layout.columns()) {
                if (column.name().equals(CsvLayout.CHART)) {
                    continue;
                }
                if (column.once()) {
                    String value = cell(0, column);
                    for (int k = 1; k < lines.size(); k++) {
                        String later = cell(k, column);
                        if (!later.isEmpty() && !later.equals(value)) {
                            problems.add(new Problem(lineNumbers.get(k), column.name(), "\"" + later
                                    + "\" differs from the chart's first line (\"" + value + "\"); give the "
                                    + "chart's own answers once, on its first line"));
                        }
                    }
                    if (column.field() != null && column.field().maps().equals("/ward") && value.isEmpty()
                            && defaultWard != null) {
                        value = defaultWard;
                    }
                    String id = column.none() != null ? column.none().noneName() : column.field().name(0);
                    cells.put(id, new Cell(lineNumbers.get(0), column.name()));
                    if (column.none() != null) {
                        if (yes(value)) {
                            answers.put(id, "true");
                        } else if (!value.isEmpty() && !no(value)) {
                            problems.add(new Problem(lineNumbers.get(0), column.name(), "must be yes or blank"));
                        }
                    } else {
                        answers.put(id, answer(column.field(), value));
                    }
                    content.append('\u001f').append(value);
                } else {
                    for (int k = 0; k < lines.size(); k++) {
                        String id = column.field().name(k);
                        String value = answer(column.field(), cell(k, column));
                        answers.put(id, value);
                        cells.put(id, new Cell(lineNumbers.get(k), column.name()));
                        content.append('\u001f').append(value);
                    }
                }
            }
            for (RowGroup group : form.rowGroups()) {
                answers.put(group.countName(), String.valueOf(lines.size()));
            }
            String hash = SampleIntake.hash(content.toString().getBytes(StandardCharsets.UTF_8));
            int occurrence = seen.merge(hash, 1, Integer::sum);
            answers.put(AuditEntry.KEY_FIELD, "csv-" + hash + "-" + occurrence);
            return FormValues.of(answers);
        }

        private String cell(int k, CsvLayout.Column column) {
            CSVRecord record = lines.get(k);
            Integer index = positions.get(column.name());
            return index == null || index >= record.size() ? "" : record.get(index).strip();
        }
    }

    /** Where an answer came from in the file. */
    private record Cell(long line, String column) {
    }

    /** A cell as the form's answer: spreadsheet spellings of yes/no and lists made the form's own. */
    private static String answer(FormField field, String value) {
        return switch (field.type()) {
            case FormField.YES_NO -> yes(value) ? "yes" : no(value) ? "no" : value;
            case FormField.LIST -> value.replace(';', '\n');
            default -> value;
        };
    }

    private static boolean yes(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true" -> true;
            default -> false;
        };
    }

    private static boolean no(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "no", "n", "false" -> true;
            default -> false;
        };
    }

    /** Spreadsheets often save UTF-8 with a byte-order mark, which would otherwise stick to the first column name. */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }
}
