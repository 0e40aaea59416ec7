package org.medaudit.backtest;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.medaudit.security.Roles;
import org.medaudit.system.ApiDocs;

/** Back-tests over HTTP, for admins: start one, then poll its progress and read what would change. */
@Controller("/api/v1/admin/back-tests")
@Secured(Roles.ADMIN)
@Tag(name = ApiDocs.ADMIN)
class BackTestController {

    private final BackTests backTests;

    BackTestController(BackTests backTests) {
        this.backTests = backTests;
    }

    /** Starts a back-test: 202 with its status and, in Location, where to poll; 422 lists every invalid field. */
    @Post
    @Operation(summary = "Start a back-test of a candidate rule book (admin)", description = "Evaluates the "
            + "candidate over the stored charts of a period without changing any stored result; poll Location.")
    @ApiResponse(responseCode = "202", description = "Started; its status, and where to poll in Location")
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.Invalid
    HttpResponse<BackTestStatus> start(@Body BackTestRequest request) {
        BackTestStatus status = backTests.start(request);
        return HttpResponse.accepted(URI.create("/api/v1/admin/back-tests/" + status.id())).body(status);
    }

    /** Progress (processed of total) while it runs; the rate and finding changes once done. */
    @Get("/{id}")
    @Operation(summary = "A back-test's progress and result (admin)", description = "Processed of total while "
            + "it runs; per ward and measure the rate now and with the candidate, and the findings that would "
            + "appear or disappear, once done.")
    @ApiResponse(responseCode = "200", description = "The back-test")
    @ApiDocs.Unauthorized
    @ApiDocs.Forbidden
    @ApiDocs.NotFound
    BackTestStatus status(String id) {
        return backTests.find(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                "No back-test with id " + id + " on this instance (results are kept in memory, the last 20)"));
    }
}
