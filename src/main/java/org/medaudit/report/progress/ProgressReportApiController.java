package org.medaudit.report.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.medaudit.system.ApiDocs;

/**
 * The progress reports over the API, read-only, within what the caller may read: a ward's or a site's reports by
 * month, and one month's report with its measures and annotations as the printed page shows them.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = ApiDocs.REPORTS)
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
    @Operation(summary = "A ward's monthly progress reports", description = "Newest month first: month, status, "
            + "author and times. Anyone who may read the ward.")
    @ApiResponse(responseCode = "200", description = "The reports")
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.NotFound
    List<ReportView> wardReports(String ward, Authentication who) {
        return reports.list(reports.ward(ward, who));
    }

    @Get("/wards/{ward}/reports/{month}")
    @Operation(summary = "One month's progress report of a ward", description = "The team's text, audit "
            + "completeness, each measure in the month (value, counts, centre, limits, signals, icons) and the "
            + "annotations in or next to the month.")
    @ApiResponse(responseCode = "200", description = "The report")
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.NotFound
    ReportDocument wardReport(String ward, String month, Authentication who) {
        return ReportDocument.of(reports.printed(reports.ward(ward, who), month));
    }

    @Get("/sites/{site}/reports")
    @Operation(summary = "A site's monthly progress reports", description = "As a ward's, for callers who may "
            + "read every ward of the site.")
    @ApiResponse(responseCode = "200", description = "The reports")
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.NotFound
    List<ReportView> siteReports(String site, Authentication who) {
        return reports.list(reports.site(site, who));
    }

    @Get("/sites/{site}/reports/{month}")
    @Operation(summary = "One month's progress report of a site", description = "As a ward's, with the site's "
            + "summed measures and every ward's annotations.")
    @ApiResponse(responseCode = "200", description = "The report")
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.NotFound
    ReportDocument siteReport(String site, String month, Authentication who) {
        return ReportDocument.of(reports.printed(reports.site(site, who), month));
    }
}
