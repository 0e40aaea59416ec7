package org.medaudit.rules;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.medaudit.system.Problem;

/** A rejected reload is the admin's files to fix, not a server fault: 422, naming every problem. */
@Singleton
@Produces(Problem.MEDIA_TYPE)
class RuleBookRejectedHandler implements ExceptionHandler<RuleBookRejectedException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, RuleBookRejectedException e) {
        int count = e.problems().size();
        return HttpResponse.<Problem>status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new Problem(Problem.type("rule-book-rejected"), "The new rule book was not adopted", 422,
                        "Rule book " + e.serving() + " keeps serving. " + (count == 1 ? "1 problem: "
                                : count + " problems: ") + String.join("; ", e.problems()), null))
                .contentType(Problem.MEDIA_TYPE);
    }
}
