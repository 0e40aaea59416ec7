package org.medaudit.form;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The audit forms in {@code audit-forms/forms/}, loaded at start-up. A form that does not hold together (a field
 * mapped onto no contract path, an unknown vocabulary, a required contract field missing or hidden, …) stops
 * start-up with the file and field to fix, so a hospital's edit can never break data entry at run time.
 */
@Context
public class FormCatalogue {

    private final List<FormDefinition> forms;

    FormCatalogue(@Value("${medaudit.forms-folder:audit-forms/forms}") Path folder) {
        this.forms = load(folder);
    }

    /** Every form, in file-name order; the first is the one offered by default. */
    public List<FormDefinition> all() {
        return forms;
    }

    public Optional<FormDefinition> byId(String id) {
        return forms.stream().filter(form -> form.id().equals(id)).findFirst();
    }

    public FormDefinition defaultForm() {
        return forms.get(0);
    }

    /** Reads and checks every {@code *.yaml} in the folder; any problem in any form is an exception naming them all. */
    public static List<FormDefinition> load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("Forms folder not found: " + folder.toAbsolutePath()
                    + " (set MEDAUDIT_FORMS)");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read forms folder " + folder, e);
        }
        List<FormDefinition> forms = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            FormReader.Result read = FormReader.read(file);
            read.problems().forEach(problem -> problems.add(file + ": " + problem));
            if (read.form() != null) {
                if (forms.stream().anyMatch(form -> form.id().equals(read.form().id()))) {
                    problems.add(file + ": another form already has the id " + read.form().id());
                }
                forms.add(read.form());
            }
        }
        if (forms.isEmpty() && problems.isEmpty()) {
            problems.add(folder + ": no form (*.yaml) found; the audit form page needs at least one");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid audit form(s):\n  " + String.join("\n  ", problems));
        }
        return List.copyOf(forms);
    }
}
