package org.medaudit.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.RouteMatch;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * A request for a path that has no route: anonymous callers get 401 (so strangers learn nothing of what exists),
 * while people and services signed in get the honest 404 or 405. Runs after every other rule, so static
 * resources and health, which the intercept-url map opens to everyone, are unaffected.
 */
@Singleton
class UnknownRouteRule implements SecurityRule<HttpRequest<?>> {

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, @Nullable Authentication authentication) {
        boolean unrouted = request.getAttribute(io.micronaut.http.HttpAttributes.ROUTE_MATCH, RouteMatch.class)
                .isEmpty();
        return Mono.just(unrouted && authentication == null ? SecurityRuleResult.REJECTED
                : SecurityRuleResult.UNKNOWN);
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }
}
