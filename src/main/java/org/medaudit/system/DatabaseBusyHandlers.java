package org.medaudit.system;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteException;

/**
 * A write that could not get the database in time — SQLite's one write lock held past the busy timeout, or a
 * PostgreSQL lock or serialisation failure — is answered {@code 503} with {@code Retry-After}, not {@code 500}: the
 * transaction was rolled back whole, so nothing was stored, and the same request (with the same
 * {@code Idempotency-Key}) can simply be sent again. Any other database failure stays a logged {@code 500}.
 */
final class DatabaseBusyHandlers {

    static final String RETRY_AFTER_SECONDS = "1";
    static final String DETAIL = "The database is busy with other writes; nothing was stored. Send the same request "
            + "again in a moment (with the same Idempotency-Key, if you sent one).";

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBusyHandlers.class);
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    /** PostgreSQL: serialization_failure, deadlock_detected, lock_not_available. */
    private static final Set<String> POSTGRES_BUSY = Set.of("40001", "40P01", "55P03");

    private DatabaseBusyHandlers() {
    }

    static boolean busy(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLiteException sqlite) {
                int primary = sqlite.getResultCode().code & 0xff;
                if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
                    return true;
                }
            } else if (t instanceof SQLException sql && POSTGRES_BUSY.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static HttpResponse<?> answer(HttpRequest<?> request, RuntimeException failure,
            ErrorResponseProcessor<?> errors) {
        if (busy(failure)) {
            LOG.warn("Database busy while handling {} {}: answered 503 ({})", request.getMethod(), request.getPath(),
                    failure.getMessage());
            return errors.processResponse(ErrorContext.builder(request).cause(failure).errorMessage(DETAIL).build(),
                    HttpResponse.serverError().status(503).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS));
        }
        LOG.error("Database failure while handling {} {}", request.getMethod(), request.getPath(), failure);
        return errors.processResponse(ErrorContext.builder(request).cause(failure).build(),
                HttpResponse.serverError());
    }

    @Singleton
    static class DataAccessFailure implements ExceptionHandler<DataAccessException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> errors;

        DataAccessFailure(ErrorResponseProcessor<?> errors) {
            this.errors = errors;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, DataAccessException failure) {
            return answer(request, failure, errors);
        }
    }

    /** Taking a connection: with SQLite's immediate transactions this is where the write lock is first asked for. */
    @Singleton
    static class ConnectionFailure implements ExceptionHandler<ConnectionException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> errors;

        ConnectionFailure(ErrorResponseProcessor<?> errors) {
            this.errors = errors;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConnectionException failure) {
            return answer(request, failure, errors);
        }
    }

    @Singleton
    static class TransactionFailure implements ExceptionHandler<TransactionException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> errors;

        TransactionFailure(ErrorResponseProcessor<?> errors) {
            this.errors = errors;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, TransactionException failure) {
            return answer(request, failure, errors);
        }
    }
}
