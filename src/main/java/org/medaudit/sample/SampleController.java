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
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.net.URI;
import org.medaudit.security.Roles;
import org.medaudit.security.WardAccess;
import org.medaudit.ward.WardDirectory;

/** The chart-sample intake API (contract v1). */
@Controller("/api/v1/samples")
class SampleController {

    private final SampleIntake intake;
    private final WardDirectory wards;
    private final WardAccess access;

    SampleController(SampleIntake intake, WardDirectory wards, WardAccess access) {
        this.intake = intake;
        this.wards = wards;
        this.access = access;
    }

    /** Checks, evaluates and stores one audited chart; answers 201 with the sample and its findings. */
    @Post(consumes = MediaType.APPLICATION_JSON)
    @Secured({Roles.ADMIN, Roles.PHARMACIST, Roles.INTAKE})
    HttpResponse<SampleView> submit(@Body byte[] body, @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        Submission submission = intake.submitJson(body, idempotencyKey);
        var response = HttpResponse.created(submission.sample(),
                URI.create("/api/v1/samples/" + submission.sample().id()));
        return submission.replayed() ? response.header("Idempotent-Replayed", "true") : response;
    }

    /** A stored sample; a ward user reads only their own wards' samples (another ward's answers 404). */
    @Get("/{id}")
    @Secured({Roles.ADMIN, Roles.PHARMACIST, Roles.WARD})
    SampleView sample(String id, Authentication who) {
        return intake.find(id)
                .filter(sample -> wards.wardView(sample.ward()).map(ward -> access.canRead(who, ward)).orElse(false))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No chart sample with id " + id));
    }
}
