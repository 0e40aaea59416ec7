package org.medaudit.form;

import io.micronaut.context.ApplicationContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medaudit.audit.AuditTrail;
import org.medaudit.security.Roles;
import org.medaudit.security.UserView;
import org.medaudit.security.Users;
import org.medaudit.ward.WardDirectory;

/**
 * {@code java -jar medaudit.jar import-csv FILE --user NAME [--ward CODE] [--form ID]}: imports a CSV file from the
 * command line through the same {@link CsvImport} as the upload page, with the service's own configuration (so the
 * same database), recording the changes as the named pharmacist's, and prints the per-chart report.
 */
public final class CsvImportCommand {

    /** The first argument that selects this command. */
    public static final String NAME = "import-csv";

    static final String USAGE = "Usage: java -jar target/medaudit.jar import-csv FILE --user NAME [--ward CODE] "
            + "[--form ID]\n  NAME: a pharmacist or admin account (the changes are recorded as theirs)\n"
            + "  --ward: the ward of charts that leave theirs blank\n  Other --key=value options configure MedAudit "
            + "as for the service (e.g. --datasources.default.url=...).";

    private CsvImportCommand() {
    }

    /** Runs the command and exits: 0 when every chart was stored, 1 when some were refused, 2 on bad usage. */
    public static void main(String[] args) {
        Optional<Options> options = Options.parse(args);
        if (options.isEmpty()) {
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        // Quiet logs, so that the report is what the person reads.
        try (ApplicationContext context = ApplicationContext.builder().args(options.get().rest())
                .properties(Map.of("logger.levels.root", "WARN", "logger.levels.org.medaudit", "WARN")).start()) {
            System.exit(run(context, options.get(), System.out, System.err));
        }
    }

    /** The command's arguments, after {@value #NAME}. */
    record Options(Path file, String user, String ward, String form, String[] rest) {

        static Optional<Options> parse(String[] args) {
            Path file = null;
            String user = null;
            String ward = null;
            String form = null;
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                boolean hasValue = i + 1 < args.length;
                switch (arg) {
                    case "--user" -> user = hasValue ? args[++i] : null;
                    case "--ward" -> ward = hasValue ? args[++i] : null;
                    case "--form" -> form = hasValue ? args[++i] : null;
                    default -> {
                        if (arg.startsWith("--")) {
                            rest.add(arg);
                        } else if (file == null) {
                            file = Path.of(arg);
                        } else {
                            return Optional.empty();
                        }
                    }
                }
            }
            return file == null || user == null ? Optional.empty()
                    : Optional.of(new Options(file, user, ward, form, rest.toArray(String[]::new)));
        }
    }

    /** Imports the file and prints the report; the exit status. */
    static int run(ApplicationContext context, Options options, PrintStream out, PrintStream err) {
        Optional<UserView> user = context.getBean(Users.class).find(options.user());
        if (user.isEmpty() || !user.get().active() || user.get().roles().stream()
                .noneMatch(role -> role.equals(Roles.PHARMACIST) || role.equals(Roles.ADMIN))) {
            err.println("No active pharmacist or admin account named \"" + options.user() + "\".");
            return 2;
        }
        FormCatalogue forms = context.getBean(FormCatalogue.class);
        Optional<FormDefinition> form = options.form() == null ? Optional.of(forms.defaultForm())
                : forms.byId(options.form());
        if (form.isEmpty()) {
            err.println("No audit form \"" + options.form() + "\".");
            return 2;
        }
        String ward = null;
        if (options.ward() != null) {
            ward = context.getBean(WardDirectory.class).ward(options.ward()).filter(w -> w.active())
                    .map(w -> w.code()).orElse(null);
            if (ward == null) {
                err.println("No open ward with the code \"" + options.ward() + "\".");
                return 2;
            }
        }
        if (!Files.isReadable(options.file())) {
            err.println("Cannot read " + options.file());
            return 2;
        }
        CsvImport imports = context.getBean(CsvImport.class);
        String defaultWard = ward;
        // Decoded as the upload is (bytes that are not UTF-8 become U+FFFD, refused at their line and column), not
        // strictly, which would end the import at the first such byte with no line or column to show.
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(options.file()),
                StandardCharsets.UTF_8))) {
            CsvImport.Summary summary = AuditTrail.actingFor(user.get().username(), () -> {
                try {
                    return imports.run(form.get(), reader, defaultWard, outcome -> out.println(line(outcome)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            summary.fileProblems().forEach(problem -> out.println("line " + problem.line()
                    + (problem.column().isEmpty() ? "" : ", column " + problem.column()) + ": " + problem.message()));
            out.println(summary.lines() + " lines read: " + summary.stored() + " charts stored, "
                    + summary.alreadyStored() + " already stored by an earlier import, " + summary.refused()
                    + " refused" + (summary.fileProblems().isEmpty() ? "" : "; the file has problems (above)"));
            return summary.refused() == 0 && summary.fileProblems().isEmpty() ? 0 : 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("Cannot read " + options.file() + ": " + e.getMessage());
            return 2;
        }
    }

    private static String line(CsvImport.ChartOutcome outcome) {
        String lines = outcome.firstLine() == outcome.lastLine() ? "line " + outcome.firstLine()
                : "lines " + outcome.firstLine() + "-" + outcome.lastLine();
        String chart = outcome.chart() == null ? "" : " (chart " + outcome.chart() + ")";
        return switch (outcome.status()) {
            case STORED -> lines + chart + ": stored " + outcome.ward() + " " + outcome.auditDate() + ", "
                    + outcome.findings() + " findings, sample " + outcome.sampleId();
            case ALREADY_STORED -> lines + chart + ": already stored, sample " + outcome.sampleId();
            case REFUSED -> lines + chart + ": refused" + String.join("", outcome.problems().stream()
                    .map(p -> "\n    line " + p.line() + ", " + p.column() + ": " + p.message()).toList());
        };
    }
}
