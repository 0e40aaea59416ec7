package org.medaudit.report.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.medaudit.security.Roles;
import org.medaudit.system.FormValues;
import org.medaudit.system.InvalidRequestException;

/**
 * The monthly progress report pages of wards ({@code /wards/{ward}/reports}) and sites ({@code /sites/{site}/reports}):
 * the list by month, the form to write or change a month's report, and the printable report. Forms post back here;
 * a refused form comes back filled in with each message beside its field, a saved one redirects to the report.
 */
@Controller
@Secured({Roles.ADMIN, Roles.PHARMACIST, Roles.WARD})
@Produces(MediaType.TEXT_HTML)
class ProgressReportPagesController {

    private final ProgressReports reports;
    private final Clock clock;

    ProgressReportPagesController(ProgressReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** Every report the person may read, newest month first. */
    @Get("/reports")
    ModelAndView<Map<String, Object>> all(Authentication who) {
        Map<String, Object> model = new HashMap<>();
        model.put("reports", reports.readable(who));
        model.put("zone", clock.getZone());
        return new ModelAndView<>("progress/index", model);
    }

    // ---- wards ----

    @Get("/wards/{ward}/reports")
    ModelAndView<Map<String, Object>> wardList(String ward, @Nullable @QueryValue String done, Authentication who) {
        return list(reports.ward(ward, who), done);
    }

    @Get("/wards/{ward}/reports/new")
    ModelAndView<Map<String, Object>> wardNew(String ward, Authentication who) {
        return form(reports.ward(ward, who), null, blank(), Map.of());
    }

    @Post(value = "/wards/{ward}/reports", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> wardCreate(String ward, @Body Map<String, Object> body, Authentication who) {
        return create(reports.ward(ward, who), FormValues.of(body), who);
    }

    @Get("/wards/{ward}/reports/{month}")
    ModelAndView<Map<String, Object>> wardReport(String ward, String month, Authentication who) {
        return printed(reports.ward(ward, who), month);
    }

    @Get("/wards/{ward}/reports/{month}/edit")
    ModelAndView<Map<String, Object>> wardEdit(String ward, String month, Authentication who) {
        return edit(reports.ward(ward, who), month);
    }

    @Post(value = "/wards/{ward}/reports/{month}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> wardChange(String ward, String month, @Body Map<String, Object> body, Authentication who) {
        return change(reports.ward(ward, who), month, FormValues.of(body), who);
    }

    // ---- sites ----

    @Get("/sites/{site}/reports")
    ModelAndView<Map<String, Object>> siteList(String site, @Nullable @QueryValue String done, Authentication who) {
        return list(reports.site(site, who), done);
    }

    @Get("/sites/{site}/reports/new")
    ModelAndView<Map<String, Object>> siteNew(String site, Authentication who) {
        return form(reports.site(site, who), null, blank(), Map.of());
    }

    @Post(value = "/sites/{site}/reports", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> siteCreate(String site, @Body Map<String, Object> body, Authentication who) {
        return create(reports.site(site, who), FormValues.of(body), who);
    }

    @Get("/sites/{site}/reports/{month}")
    ModelAndView<Map<String, Object>> siteReport(String site, String month, Authentication who) {
        return printed(reports.site(site, who), month);
    }

    @Get("/sites/{site}/reports/{month}/edit")
    ModelAndView<Map<String, Object>> siteEdit(String site, String month, Authentication who) {
        return edit(reports.site(site, who), month);
    }

    @Post(value = "/sites/{site}/reports/{month}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> siteChange(String site, String month, @Body Map<String, Object> body, Authentication who) {
        return change(reports.site(site, who), month, FormValues.of(body), who);
    }

    // ---- shared by wards and sites ----

    private ModelAndView<Map<String, Object>> list(ReportSubject subject, @Nullable String done) {
        Map<String, Object> model = new HashMap<>();
        model.put("subject", subject);
        model.put("reports", reports.list(subject));
        model.put("done", done);
        model.put("zone", clock.getZone());
        return new ModelAndView<>("progress/list", model);
    }

    private HttpResponse<?> create(ReportSubject subject, FormValues form, Authentication who) {
        ReportDraft draft = draft(form, form.text("month"));
        try {
            ReportView saved = reports.create(subject, draft, who.getName());
            return HttpResponse.seeOther(URI.create(saved.path()));
        } catch (InvalidRequestException e) {
            return HttpResponse.unprocessableEntity().body(form(subject, null, draft,
                    FormValues.byField(e.errors(), Map.of())));
        }
    }

    private ModelAndView<Map<String, Object>> edit(ReportSubject subject, String month) {
        ReportView report = reports.find(subject, month)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                        "No progress report for " + subject.code() + " in " + month));
        return form(subject, report, new ReportDraft(report.month(), report.status(), report.whatWeTried(),
                report.whatWeLearned(), report.whatNext()), Map.of());
    }

    private HttpResponse<?> change(ReportSubject subject, String month, FormValues form, Authentication who) {
        ReportDraft draft = draft(form, month);
        try {
            ReportView saved = reports.change(subject, month, draft, who.getName());
            return HttpResponse.seeOther(URI.create(saved.path()));
        } catch (InvalidRequestException e) {
            ReportView report = reports.find(subject, month).orElseThrow();
            return HttpResponse.unprocessableEntity().body(form(subject, report, draft,
                    FormValues.byField(e.errors(), Map.of())));
        }
    }

    private ModelAndView<Map<String, Object>> printed(ReportSubject subject, String month) {
        Map<String, Object> model = new HashMap<>();
        model.put("printed", reports.printed(subject, month));
        model.put("zone", clock.getZone());
        return new ModelAndView<>("progress/report", model);
    }

    /** The form to write a report ({@code report} null) or change one, filled in, with errors beside fields. */
    private ModelAndView<Map<String, Object>> form(ReportSubject subject, @Nullable ReportView report,
            ReportDraft draft, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("subject", subject);
        model.put("report", report);
        model.put("form", draft);
        model.put("errors", errors);
        model.put("statuses", ReportDraft.STATUSES);
        return new ModelAndView<>("progress/form", model);
    }

    /** A new report's form starts on last month: a month's report is written once its audits are in. */
    private ReportDraft blank() {
        return new ReportDraft(YearMonth.now(clock).minusMonths(1).toString(), ProgressReport.DRAFT, "", "", "");
    }

    private static ReportDraft draft(FormValues form, String month) {
        return new ReportDraft(month, form.text("status"), form.text("whatWeTried"), form.text("whatWeLearned"),
                form.text("whatNext"));
    }
}
