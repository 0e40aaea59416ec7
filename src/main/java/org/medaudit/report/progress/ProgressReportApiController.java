package org.medaudit.report.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The progress reports over the API, read-only, within what the caller may read: a ward's or a site's reports by
 * month, and one month's report with its measures and annotations as the printed page shows them.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
class ProgressReportApiController {

    /** One month's report: the text, audit completeness, each measure in the month and the nearby annotations. */
    @Serdeable
    record ReportDocument(ReportView report, boolean audited, long chartsAudited, long chartsTarget,
            @Nullable Double completeness, List<PrintedReport.MeasureRow> measures, List<PrintedReport.Note> notes) {

        static ReportDocument of(PrintedReport printed) {
            return new ReportDocument(printed.report(), printed.audited(), printed.chartsAudited(),
                    printed.chartsTarget(), printed.completeness(), printed.measures(), printed.notes());
        }
    }

    private final ProgressReports reports;

    ProgressReportApiController(ProgressReports reports) {
        this.reports = reports;
    }

    @Get("/wards/{ward}/reports")
    List<ReportView> wardReports(String ward, Authentication who) {
        return reports.list(reports.ward(ward, who));
    }

    @Get("/wards/{ward}/reports/{month}")
    ReportDocument wardReport(String ward, String month, Authentication who) {
        return ReportDocument.of(reports.printed(reports.ward(ward, who), month));
    }

    @Get("/sites/{site}/reports")
    List<ReportView> siteReports(String site, Authentication who) {
        return reports.list(reports.site(site, who));
    }

    @Get("/sites/{site}/reports/{month}")
    ReportDocument siteReport(String site, String month, Authentication who) {
        return ReportDocument.of(reports.printed(reports.site(site, who), month));
    }
}
