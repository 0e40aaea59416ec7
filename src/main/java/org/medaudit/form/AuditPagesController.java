package org.medaudit.form;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.medaudit.rules.RuleBookService;
import org.medaudit.sample.IdempotencyConflictException;
import org.medaudit.sample.SampleIntake;
import org.medaudit.sample.SampleList;
import org.medaudit.sample.SampleView;
import org.medaudit.sample.Submission;
import org.medaudit.security.Roles;
import org.medaudit.system.FormValues;
import org.medaudit.system.InvalidRequestException;
import org.medaudit.ward.WardDirectory;

/**
 * The pharmacist's audit pages: enter a chart with the audit form, correct one, and the list of audits entered with
 * each ward's progress this month. The form works without JavaScript: "add rows" buttons post the draft back and
 * the page returns with more rows; a refused chart returns filled in, each message beside its field.
 */
@Controller("/audits")
@Secured({Roles.ADMIN, Roles.PHARMACIST})
@Produces(MediaType.TEXT_HTML)
class AuditPagesController {

    /** Remembers the ward and audit date of the last chart entered, as most audits enter several in a row. */
    static final String LAST_AUDIT_COOKIE = "MEDAUDIT_LAST_AUDIT";

    private final FormCatalogue forms;
    private final AuditEntry entry;
    private final SampleIntake samples;
    private final SampleList list;
    private final WardDirectory wards;
    private final RuleBookService ruleBooks;
    private final Clock clock;

    AuditPagesController(FormCatalogue forms, AuditEntry entry, SampleIntake samples, SampleList list,
            WardDirectory wards, RuleBookService ruleBooks, Clock clock) {
        this.forms = forms;
        this.entry = entry;
        this.samples = samples;
        this.list = list;
        this.wards = wards;
        this.ruleBooks = ruleBooks;
        this.clock = clock;
    }

    // ---- enter a chart ----

    /** A blank form, with the ward and audit date of the last chart entered (or those in the query). */
    @Get("/new")
    ModelAndView<Map<String, Object>> blank(@Nullable @QueryValue String form, @Nullable @QueryValue String ward,
            @Nullable @CookieValue(LAST_AUDIT_COOKIE) String last) {
        FormDefinition definition = form(form);
        Map<String, Object> answers = new HashMap<>();
        answers.put("auditDate", LocalDate.now(clock).toString());
        if (last != null && last.matches("[A-Za-z0-9-]{1,40}:\\d{4}-\\d{2}-\\d{2}")) {
            String[] parts = last.split(":");
            wards.ward(parts[0]).filter(w -> w.active()).ifPresent(w -> answers.put("ward", w.code()));
            answers.put("auditDate", parts[1]);
        }
        if (ward != null) {
            wards.ward(ward).filter(w -> w.active()).ifPresent(w -> answers.put("ward", w.code()));
        }
        answers.put(AuditEntry.KEY_FIELD, UUID.randomUUID().toString());
        return formPage(definition, FormValues.of(answers), Map.of(), null, "/audits", null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> submit(@Body Map<String, Object> body, HttpRequest<?> request) {
        FormValues values = FormValues.of(body);
        FormDefinition definition = form(values.text("form"));
        if (addsRows(definition, values)) {
            return HttpResponse.ok(formPage(definition, withMoreRows(definition, values), Map.of(), null, "/audits",
                    null));
        }
        try {
            Submission submission = entry.submit(definition, values);
            SampleView sample = submission.sample();
            return seeOther("/audits/" + sample.id() + "?done=entered").cookie(Cookie.of(LAST_AUDIT_COOKIE,
                    sample.ward() + ":" + sample.auditDate()).path("/audits").httpOnly(true)
                    .sameSite(SameSite.Strict).secure(request.isSecure()).maxAge(Duration.ofDays(31)));
        } catch (InvalidRequestException e) {
            return HttpResponse.unprocessableEntity().body(formPage(definition, values,
                    FormAnswers.byId(e.errors()), null, "/audits", null));
        } catch (IdempotencyConflictException e) {
            // The page was saved before (the browser's Back button) and then changed: save it as a new chart.
            Map<String, Object> fresh = new HashMap<>(values.fields());
            fresh.put(AuditEntry.KEY_FIELD, UUID.randomUUID().toString());
            return HttpResponse.status(HttpStatus.CONFLICT).body(formPage(definition, FormValues.of(fresh), Map.of(),
                    "This page had already been saved as a chart. Check the answers and save again to store them "
                            + "as another chart, or find the first one under Audits.", "/audits", null));
        }
    }

    // ---- correct a chart ----

    @Get("/{id}/correction")
    ModelAndView<Map<String, Object>> correction(String id) {
        SampleView sample = sample(id);
        FormDefinition definition = sample.form() == null ? forms.defaultForm()
                : forms.byId(sample.form().id()).orElse(forms.defaultForm());
        return formPage(definition, entry.answersOf(definition, sample), Map.of(), null,
                "/audits/" + id + "/correction", correctionOf(definition, sample));
    }

    @Post(value = "/{id}/correction", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> correct(String id, @Body Map<String, Object> body) {
        SampleView sample = sample(id);
        FormValues values = FormValues.of(body);
        FormDefinition definition = form(values.text("form"));
        String action = "/audits/" + id + "/correction";
        if (addsRows(definition, values)) {
            return HttpResponse.ok(formPage(definition, withMoreRows(definition, values), Map.of(), null, action,
                    correctionOf(definition, sample)));
        }
        try {
            entry.correct(id, definition, values);
            return seeOther("/audits/" + id + "?done=corrected");
        } catch (InvalidRequestException e) {
            return HttpResponse.unprocessableEntity().body(formPage(definition, values,
                    FormAnswers.byId(e.errors()), null, action, correctionOf(definition, sample)));
        }
    }

    // ---- the list of audits ----

    /** The audits entered, newest first, filtered by ward and month, with each ward's progress that month. */
    @Get
    HttpResponse<?> audits(@Nullable @QueryValue String ward, @Nullable @QueryValue String month,
            @Nullable @QueryValue Integer page) {
        Map<String, Object> model = new HashMap<>();
        model.put("filter", Map.of("ward", ward == null ? "" : ward.strip(), "month", month == null ? ""
                : month.strip()));
        model.put("sites", wards.sites());
        YearMonth shown = YearMonth.now(clock);
        HttpStatus status = HttpStatus.OK;
        try {
            model.put("page", list.page(ward, month, page == null ? 0 : page));
            model.put("errors", Map.of());
            if (month != null && !month.isBlank()) {
                shown = YearMonth.parse(month.strip());
            }
        } catch (InvalidRequestException e) {
            status = HttpStatus.UNPROCESSABLE_ENTITY;
            model.put("page", new SampleList.SamplePage(List.of(), 0, 0, 0));
            model.put("errors", FormValues.byField(e.errors(), Map.of("/query/ward", "ward", "/query/month",
                    "month")));
        }
        model.put("completenessMonth", shown.toString());
        model.put("completenessMonthName", shown.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK)));
        model.put("completeness", list.completeness(shown));
        return HttpResponse.status(status).body(new ModelAndView<>("audits/list", model));
    }

    // ---- helpers ----

    private FormDefinition form(String id) {
        return id == null || id.isBlank() ? forms.defaultForm() : forms.byId(id.strip()).orElseThrow(() ->
                new HttpStatusException(HttpStatus.NOT_FOUND, "No audit form " + id));
    }

    private SampleView sample(String id) {
        return samples.find(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                "No chart sample with id " + id));
    }

    /** Whether an "add rows" button was pressed rather than "save". */
    private static boolean addsRows(FormDefinition form, FormValues values) {
        String action = values.text("action");
        return form.rowGroups().stream().anyMatch(group -> group.addRowsAction().equals(action));
    }

    private static FormValues withMoreRows(FormDefinition form, FormValues values) {
        Map<String, Object> more = new HashMap<>(values.fields());
        String action = values.text("action");
        form.rowGroups().stream().filter(group -> group.addRowsAction().equals(action)).forEach(group -> more.put(
                group.countName(), String.valueOf(Math.min(FormAnswers.MAX_ROWS,
                        FormAnswers.rowCount(group, values) + group.rows()))));
        return FormValues.of(more);
    }

    /** What the correction page says about the chart it corrects. */
    private Map<String, Object> correctionOf(FormDefinition form, SampleView sample) {
        return Map.of("sample", sample, "notOnForm", entry.pathsNotOnForm(form, sample));
    }

    private ModelAndView<Map<String, Object>> formPage(FormDefinition definition, FormValues values,
            Map<String, String> errors, String notice, String action, Map<String, Object> correction) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", FormPage.of(definition, values, errors, wards.sites(),
                ruleBooks.current().reference().formulary().names()));
        model.put("definition", definition);
        model.put("forms", forms.all());
        model.put("errors", errors);
        model.put("notice", notice);
        model.put("action", action);
        model.put("idempotencyKey", values.text(AuditEntry.KEY_FIELD));
        model.put("correction", correction);
        return new ModelAndView<>("audits/form", model);
    }

    private static MutableHttpResponse<?> seeOther(String location) {
        return HttpResponse.status(HttpStatus.SEE_OTHER).headers(headers -> headers.location(URI.create(location)));
    }
}
