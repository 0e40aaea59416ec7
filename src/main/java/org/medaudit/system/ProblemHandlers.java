package org.medaudit.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import jakarta.inject.Singleton;
import org.medaudit.backup.BackupsNotSupportedException;
import org.medaudit.rules.RuleBookException;
import org.medaudit.sample.IdempotencyConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One small handler per domain exception, each answering with a {@link Problem}. */
final class ProblemHandlers {

    private ProblemHandlers() {
    }

    static MutableHttpResponse<Problem> respond(HttpStatus status, Problem problem) {
        return HttpResponse.<Problem>status(status).body(problem).contentType(Problem.MEDIA_TYPE);
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class InvalidRequest implements ExceptionHandler<InvalidRequestException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, InvalidRequestException e) {
            int count = e.errors().size();
            return respond(HttpStatus.UNPROCESSABLE_ENTITY, new Problem(Problem.type("invalid-fields"),
                    "The request has invalid fields", 422, count == 1 ? "1 field is invalid; nothing was stored."
                    : count + " fields are invalid; nothing was stored.", e.errors()));
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class MalformedJson implements ExceptionHandler<MalformedJsonException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, MalformedJsonException e) {
            return respond(HttpStatus.BAD_REQUEST, new Problem(Problem.type("malformed-json"),
                    "The request body is not valid JSON", 400, e.getMessage() + " Nothing was stored.", null));
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class IdempotencyConflict implements ExceptionHandler<IdempotencyConflictException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, IdempotencyConflictException e) {
            return respond(HttpStatus.CONFLICT, new Problem(Problem.type("idempotency-key-reused"),
                    "Idempotency-Key reused for a different request", 409, e.getMessage(), null));
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class RuleBookFailure implements ExceptionHandler<RuleBookException, HttpResponse<Problem>> {
        private static final Logger LOG = LoggerFactory.getLogger(RuleBookFailure.class);

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, RuleBookException e) {
            LOG.error("Rule book problem while handling {} {}: {}", request.getMethod(), request.getPath(),
                    e.getMessage());
            return respond(HttpStatus.INTERNAL_SERVER_ERROR, new Problem(Problem.type("rule-book"),
                    "The rule book could not be used", 500, String.join("; ", e.problems()), null));
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class BackupsNotSupported
            implements ExceptionHandler<BackupsNotSupportedException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, BackupsNotSupportedException e) {
            return respond(HttpStatus.NOT_IMPLEMENTED, new Problem(Problem.type("backup-by-the-database"),
                    "Backups of this database are taken by the database itself", 501, e.getMessage(), null));
        }
    }

    /** A url-encoded form body that cannot be decoded (such as "%ZZ"): the client's fault, never a 500. */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class MalformedForm
            implements ExceptionHandler<HttpPostRequestDecoder.ErrorDataDecoderException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, HttpPostRequestDecoder.ErrorDataDecoderException e) {
            return respond(HttpStatus.BAD_REQUEST, new Problem(Problem.type("malformed-form"),
                    "The form could not be read", 400, "The form body is not valid URL encoding ("
                    + e.getMessage() + "). Nothing was stored.", null));
        }
    }
}
