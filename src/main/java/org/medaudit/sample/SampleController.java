package org.medaudit.sample;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import java.net.URI;

/** The chart-sample intake API (contract v1). */
@Controller("/api/v1/samples")
class SampleController {

    private final SampleIntake intake;

    SampleController(SampleIntake intake) {
        this.intake = intake;
    }

    /** Checks, evaluates and stores one audited chart; answers 201 with the sample and its findings. */
    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<SampleView> submit(@Body byte[] body, @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        Submission submission = intake.submitJson(body, idempotencyKey);
        var response = HttpResponse.created(submission.sample(),
                URI.create("/api/v1/samples/" + submission.sample().id()));
        return submission.replayed() ? response.header("Idempotent-Replayed", "true") : response;
    }

    @Get("/{id}")
    SampleView sample(String id) {
        return intake.find(id)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No chart sample with id " + id));
    }
}
