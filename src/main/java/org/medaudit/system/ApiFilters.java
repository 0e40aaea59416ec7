package org.medaudit.system;

import io.micronaut.http.filter.ServerFilterPhase;

/**
 * The order of the filters that shape API answers after security has run. On the way out the innermost acts
 * first: a list is cut to its page, then turned into the format asked for, and only then hashed for its ETag.
 */
public final class ApiFilters {

    /** Conditional GET: outermost of the three, so it hashes the body exactly as it is sent. */
    public static final int CONDITIONAL_GET = ServerFilterPhase.RENDERING.order();
    /** Formats (CSV, FHIR): between the two. */
    public static final int FORMAT = ServerFilterPhase.RENDERING.order() + 1;
    /** Paging: innermost, on the list the controller returned. */
    public static final int PAGING = ServerFilterPhase.RENDERING.order() + 2;

    private ApiFilters() {
    }
}
