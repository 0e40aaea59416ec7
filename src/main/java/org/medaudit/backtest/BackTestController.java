package org.medaudit.backtest;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import java.net.URI;
import org.medaudit.security.Roles;

/** Back-tests over HTTP, for admins: start one, then poll its progress and read what would change. */
@Controller("/api/v1/admin/back-tests")
@Secured(Roles.ADMIN)
class BackTestController {

    private final BackTests backTests;

    BackTestController(BackTests backTests) {
        this.backTests = backTests;
    }

    /** Starts a back-test: 202 with its status and, in Location, where to poll; 422 lists every invalid field. */
    @Post
    HttpResponse<BackTestStatus> start(@Body BackTestRequest request) {
        BackTestStatus status = backTests.start(request);
        return HttpResponse.accepted(URI.create("/api/v1/admin/back-tests/" + status.id())).body(status);
    }

    /** Progress (processed of total) while it runs; the rate and finding changes once done. */
    @Get("/{id}")
    BackTestStatus status(String id) {
        return backTests.find(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                "No back-test with id " + id + " on this instance (results are kept in memory, the last 20)"));
    }
}
