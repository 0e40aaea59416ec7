package org.medaudit.form;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.multipart.StreamingFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medaudit.security.Roles;
import org.medaudit.ward.WardDirectory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Uploading audited charts as CSV: the page that documents the columns, the template, the upload itself (streamed to
 * a temporary file, then imported in the background) and the import's page, which shows its progress and then the
 * report of every chart stored or refused.
 */
@Controller("/audits/upload")
@Secured({Roles.ADMIN, Roles.PHARMACIST})
@Produces(MediaType.TEXT_HTML)
class UploadPagesController {

    private static final String CSV = "text/csv";

    private final FormCatalogue forms;
    private final ImportJobs jobs;
    private final WardDirectory wards;

    UploadPagesController(FormCatalogue forms, ImportJobs jobs, WardDirectory wards) {
        this.forms = forms;
        this.jobs = jobs;
        this.wards = wards;
    }

    /** What an import's page asks while it runs, for the script that updates the page. */
    @Serdeable
    record Status(String state, boolean done, int percent, long lines, int stored, int alreadyStored, int refused) {
    }

    @Get
    ModelAndView<Map<String, Object>> page(@Nullable @QueryValue String form, Authentication who) {
        return uploadPage(form(form), null, Map.of(), who);
    }

    @Get("/template.csv")
    @Produces(CSV)
    HttpResponse<String> template(@Nullable @QueryValue String form) {
        FormDefinition definition = form(form);
        return HttpResponse.ok(CsvLayout.of(definition).template())
                .contentType(CSV + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + definition.id() + ".csv\"");
    }

    /**
     * Streams the file to a temporary file (never whole into memory) and starts importing it. The {@code _csrf}
     * part comes first in the form, so the CSRF check reads it without touching the file.
     */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    Publisher<MutableHttpResponse<?>> upload(@Nullable @Part("form") String form, @Nullable @Part("ward") String ward,
            StreamingFileUpload file, Authentication who) {
        FormDefinition definition = form(form);
        Map<String, String> errors = new LinkedHashMap<>();
        String defaultWard = ward == null || ward.isBlank() ? null : ward.strip();
        if (defaultWard != null && wards.ward(defaultWard).filter(w -> w.active()).isEmpty()) {
            errors.put("ward", "Choose a ward from the list, or leave it blank");
        }
        if (file.getFilename() == null || file.getFilename().isBlank()) {
            errors.put("file", "Choose a CSV file to upload");
        }
        if (!errors.isEmpty()) {
            file.discard();
            return Mono.just(HttpResponse.unprocessableEntity().body(uploadPage(definition, defaultWard, errors,
                    who)));
        }
        Path temporary = temporaryFile();
        return Mono.from(file.transferTo(temporary.toFile())).map(written -> {
            try {
                if (!written || Files.size(temporary) == 0) {
                    Files.deleteIfExists(temporary);
                    return HttpResponse.unprocessableEntity().body(uploadPage(definition, defaultWard,
                            Map.of("file", "The file is empty: choose a CSV file with a header line and charts"),
                            who));
                }
                ImportJobs.JobView job = jobs.start(who.getName(), file.getFilename(), temporary, definition,
                        defaultWard == null ? null : wards.ward(defaultWard).orElseThrow().code());
                return HttpResponse.status(HttpStatus.SEE_OTHER)
                        .headers(headers -> headers.location(URI.create("/audits/upload/" + job.id())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The import's progress, then its report; the page refreshes itself until the import is done. */
    @Get("/{job}")
    ModelAndView<Map<String, Object>> job(String job, Authentication who) {
        ImportJobs.JobView view = find(job, who);
        Map<String, Object> model = new HashMap<>();
        model.put("job", view);
        if (!view.done()) {
            model.put("refreshSeconds", 2);
        }
        return new ModelAndView<>("audits/import", model);
    }

    @Get("/{job}/status")
    @Produces(MediaType.APPLICATION_JSON)
    Status status(String job, Authentication who) {
        ImportJobs.JobView view = find(job, who);
        return new Status(view.state(), view.done(), view.percent(), view.lines(), view.stored(),
                view.alreadyStored(), view.refused());
    }

    private ImportJobs.JobView find(String job, Authentication who) {
        return jobs.find(job, who.getName(), who.getRoles().contains(Roles.ADMIN)).orElseThrow(() ->
                new HttpStatusException(HttpStatus.NOT_FOUND, "No CSV import " + job + " (reports are kept for a day)"));
    }

    private ModelAndView<Map<String, Object>> uploadPage(FormDefinition form, String ward, Map<String, String> errors,
            Authentication who) {
        Map<String, Object> model = new HashMap<>();
        model.put("csv", CsvLayout.of(form));
        model.put("definition", form);
        model.put("forms", forms.all());
        model.put("sites", wards.sites());
        model.put("ward", ward == null ? "" : ward);
        model.put("errors", errors);
        model.put("imports", jobs.of(who.getName()));
        return new ModelAndView<>("audits/upload", model);
    }

    private FormDefinition form(String id) {
        return id == null || id.isBlank() ? forms.defaultForm() : forms.byId(id.strip()).orElseThrow(() ->
                new HttpStatusException(HttpStatus.NOT_FOUND, "No audit form " + id));
    }

    private static Path temporaryFile() {
        try {
            return Files.createTempFile("medaudit-upload-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
