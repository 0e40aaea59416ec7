package org.medaudit.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.medaudit.system.Problem;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Cross-site request forgery protection by double submission: every browser gets a random {@value #COOKIE} cookie,
 * and every state-changing request that a browser could be tricked into sending — one that carries the session
 * cookie, or any form post (which covers login) — must repeat that value in the {@code _csrf} form field (the first
 * part of a multipart form) or the {@value #HEADER} header. Requests authenticated by a bearer API token carry no cookie and need no token.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class CsrfFilter implements Ordered {

    static final String COOKIE = "MEDAUDIT_CSRF";
    static final String HEADER = "X-CSRF-Token";
    static final String FIELD = "_csrf";
    /** The request attribute pages read to put the token in their forms. */
    public static final String ATTRIBUTE = "medaudit.csrf";
    /** Set when this request issued the browser's first token, so the answer carries the cookie. */
    private static final String NEW_TOKEN = "medaudit.csrf.new";

    /** How far into a multipart body the {@code _csrf} part must have ended (it is the first part). */
    private static final int MULTIPART_TOKEN_WITHIN = 8192;
    private static final Pattern FIRST_PART_IS_TOKEN = Pattern.compile(
            "(?i)content-disposition:\\s*form-data;\\s*name=\"" + FIELD + "\"\\s*(\r\n|$)");

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    private final String sessionCookie;
    private final long maxRequestSize;
    private final SecureRandom random = new SecureRandom();

    CsrfFilter(@Value("${micronaut.security.token.cookie.cookie-name:JWT}") String sessionCookie,
            @Value("${micronaut.server.max-request-size:10485760}") long maxRequestSize) {
        this.sessionCookie = sessionCookie;
        this.maxRequestSize = maxRequestSize;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    /** Checks the token on state-changing browser requests; answers 403 when it is missing or wrong. */
    @RequestFilter
    Publisher<HttpResponse<?>> check(HttpRequest<?> request, FilterContinuation<Publisher<HttpResponse<?>>> next) {
        Optional<String> cookie = request.getCookies().findCookie(COOKIE).map(Cookie::getValue)
                .filter(value -> !value.isBlank());
        request.setAttribute(ATTRIBUTE, cookie.orElseGet(() -> {
            String token = newToken();
            request.setAttribute(NEW_TOKEN, token);
            return token;
        }));
        if (SAFE.contains(request.getMethod()) || !needsToken(request)) {
            return next.proceed();
        }
        Optional<String> header = request.getHeaders().findFirst(HEADER);
        if (header.isPresent() || !isForm(request)) {
            return cookie.isPresent() && header.isPresent() && same(header.get(), cookie.get()) ? next.proceed()
                    : Mono.just(refusal());
        }
        if (request.getContentLength() > maxRequestSize) {
            // The body would fail part-way through the token check, which would then answer "form expired".
            return Mono.just(tooLarge());
        }
        return Mono.fromFuture(formToken(request))
                .flatMapMany(field -> cookie.isPresent() && field.isPresent() && same(field.get(), cookie.get())
                        ? next.proceed() : Mono.just(refusal()));
    }

    /** Gives a browser its token cookie on the first answer it receives. */
    @ResponseFilter
    void issue(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(NEW_TOKEN, String.class).ifPresent(token -> response.cookie(
                Cookie.of(COOKIE, token).path("/").sameSite(SameSite.Strict).secure(request.isSecure())
                        .httpOnly(false)));
    }

    /**
     * The {@code _csrf} field of a url-encoded form, read from a copy of the body so that the controller still
     * receives it untouched. (Micronaut's filter body parser decoded the shared bytes, which garbled passwords
     * with spaces on their way to the login endpoint.)
     */
    private static CompletableFuture<Optional<String>> formToken(HttpRequest<?> request) {
        Optional<MediaType> type = request.getContentType();
        if (request instanceof ServerHttpRequest<?> server && type.isPresent()
                && type.get().matches(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            return multipartToken(server, type.get());
        }
        if (!(request instanceof ServerHttpRequest<?> server)
                || !type.map(t -> t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).orElse(false)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CloseableByteBody copy = server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST);
        return copy.buffer().thenApply(body -> {
            try (body) {
                String form = body.toString(StandardCharsets.UTF_8);
                return Arrays.stream(form.split("&"))
                        .filter(pair -> pair.startsWith(FIELD + "="))
                        .map(pair -> URLDecoder.decode(pair.substring(FIELD.length() + 1), StandardCharsets.UTF_8))
                        .findFirst();
            }
        }).exceptionally(e -> Optional.empty()).whenComplete((token, error) -> copy.close());
    }

    /**
     * The {@code _csrf} field of a multipart form (a file upload), which must be the form's first part: only the
     * beginning of a copy of the body is read, so an upload is neither buffered nor held back before it is allowed.
     */
    private static CompletableFuture<Optional<String>> multipartToken(ServerHttpRequest<?> server, MediaType type) {
        Optional<String> boundary = type.getParameters().get("boundary");
        if (boundary.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CloseableByteBody copy = server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST);
        ByteArrayOutputStream start = new ByteArrayOutputStream();
        return Flux.from(copy.toByteArrayPublisher())
                .takeUntil(chunk -> {
                    start.writeBytes(chunk);
                    return start.size() >= MULTIPART_TOKEN_WITHIN
                            || firstPart(start.toByteArray(), boundary.get()).isPresent();
                })
                .then(Mono.fromCallable(() -> firstPart(start.toByteArray(), boundary.get())
                        .flatMap(part -> part)))
                .toFuture()
                .exceptionally(e -> Optional.empty())
                .whenComplete((token, error) -> copy.close());
    }

    /**
     * The token in the first part of a multipart body: empty when the body does not hold the whole first part yet;
     * an empty token when the first part is complete but is not {@code _csrf}.
     */
    static Optional<Optional<String>> firstPart(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        int start = text.indexOf(delimiter);
        int headersEnd = start < 0 ? -1 : text.indexOf("\r\n\r\n", start);
        int end = headersEnd < 0 ? -1 : text.indexOf("\r\n" + delimiter, headersEnd + 4);
        if (end < 0) {
            return Optional.empty();
        }
        boolean csrf = FIRST_PART_IS_TOKEN.matcher(text.substring(start + delimiter.length(), headersEnd)).find();
        return Optional.of(csrf ? Optional.of(text.substring(headersEnd + 4, end)) : Optional.empty());
    }

    private boolean needsToken(HttpRequest<?> request) {
        boolean bearer = request.getHeaders().getAuthorization().map(value -> value.startsWith("Bearer "))
                .orElse(false);
        return !bearer && (request.getCookies().findCookie(sessionCookie).isPresent() || isForm(request));
    }

    private static boolean isForm(HttpRequest<?> request) {
        return request.getContentType().map(type -> type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.matches(MediaType.MULTIPART_FORM_DATA_TYPE)).orElse(false);
    }

    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<?> refusal() {
        return HttpResponse.status(HttpStatus.FORBIDDEN)
                .contentType(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new Problem(Problem.type("csrf"), "Forbidden", 403,
                        "The form has expired or did not come from MedAudit. Go back, reload the page and try "
                                + "again.", null));
    }

    /** A form (an upload) over the request limit, refused before any of it is read. */
    private HttpResponse<?> tooLarge() {
        return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                .contentType(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new Problem(Problem.type("request-entity-too-large"), "Request Entity Too Large", 413,
                        "The file is larger than MedAudit accepts (at most " + maxRequestSize + " bytes, "
                                + "MEDAUDIT_MAX_UPLOAD_SIZE): split it into smaller files and upload each.", null));
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
