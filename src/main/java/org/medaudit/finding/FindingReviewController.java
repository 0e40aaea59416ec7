package org.medaudit.finding;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.net.URI;
import org.medaudit.security.Roles;

/** The review API: other systems (and scripts) confirm, override or add a sample's findings as a pharmacist would. */
@Controller("/api/v1/samples/{id}/findings")
@Secured({Roles.ADMIN, Roles.PHARMACIST})
class FindingReviewController {

    private final FindingReview review;

    FindingReviewController(FindingReview review) {
        this.review = review;
    }

    @Post("/{findingId}/confirm")
    FindingView confirm(String id, String findingId, Authentication who) {
        return review.confirm(id, findingId, who.getName());
    }

    /** Body {@code {"reason": "clinically-appropriate", "comment": "…"}}. */
    @Post("/{findingId}/override")
    FindingView override(String id, String findingId, @Body ReviewRequests.Override body, Authentication who) {
        return review.override(id, findingId, body, who.getName());
    }

    /** Adds a finding the rules missed; answers 201 with it (the sample at Location lists it too). */
    @Post
    HttpResponse<FindingView> add(String id, @Body ReviewRequests.NewFinding body, Authentication who) {
        return HttpResponse.created(review.add(id, body, who.getName()), URI.create("/api/v1/samples/" + id));
    }
}
