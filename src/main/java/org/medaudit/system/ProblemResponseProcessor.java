package org.medaudit.system;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Turns every error Micronaut answers itself (404, 405, 413, 415, 400 on a bad parameter, and any unhandled
 * exception) into a problem+json body, so a client sees one error shape everywhere and never a stack trace.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        String detail = context.getErrors().stream().map(Error::getMessage).findFirst()
                .filter(message -> status.getCode() < 500)
                .orElse(status.getCode() >= 500
                        ? "Something went wrong on our side; nothing was stored. The error has been logged."
                        : status.getReason());
        return response.contentType(Problem.MEDIA_TYPE).body(new Problem(Problem.type(slug(status)),
                status.getReason(), status.getCode(), detail, null));
    }

    private static String slug(HttpStatus status) {
        return status.getReason().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
