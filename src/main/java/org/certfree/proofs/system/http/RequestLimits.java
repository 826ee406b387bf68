package org.certfree.proofs.system.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.Problem;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.system.config.CertfreeConfig;

/**
 * The request limits, each answered with a problem document before anything is read or done:
 * a request line longer than {@link #MAX_URI} characters (414), headers larger than
 * {@link #MAX_HEADER_BYTES} (431), a body larger than {@code certfree.max-body-bytes} (413) — declared
 * in {@code Content-Length}, or counted while a chunked body is read.
 *
 * <p>A stream of many items ({@value #NDJSON}, a bulk issuance job) has its own, larger limit
 * ({@code certfree.issuance-jobs.max-body-bytes}), checked here against {@code Content-Length}; a chunked one is
 * not buffered here but streamed to its resource, which counts it as it reads (holding 100,000 items in memory at
 * once is what a job must not do).
 *
 * <p>Vert.x's own limits ({@code quarkus.http.limits.*}) are set well above these, so that what
 * exceeds ours reaches this handler and gets a readable answer; only a request beyond Vert.x's limits
 * (64 kB request line or headers) is refused by Vert.x itself, with a bare status and no body. So is
 * a request line that is not valid HTTP (an address with unencoded Chinese characters or a bad
 * percent escape): Quarkus answers it with a bare 400 before any route or filter of ours runs, and
 * offers no hook for it (quarkusio/quarkus#55082).
 */
@ApplicationScoped
public class RequestLimits {

    /** Longest request line target (path and query) answered, in characters. */
    public static final int MAX_URI = 8 * 1024;

    /** Largest total of header names and values answered, in bytes. */
    public static final int MAX_HEADER_BYTES = 20 * 1024;

    /** The media type of item streams (newline-delimited JSON), whose bodies are streamed, not buffered. */
    public static final String NDJSON = "application/x-ndjson";

    /** The path of OFD uploads for verification, whose limit is {@code certfree.ofd.upload-max-bytes}. */
    public static final String OFD_VERIFICATIONS = "/api/v1/verifications/ofd";

    /**
     * Paths whose bodies may be larger than {@code certfree.max-body-bytes}, and how large: a bulk
     * revocation lists up to 100,000 proof numbers of 24 characters (about 2.7 MB as JSON); an uploaded OFD.
     */
    private Map<String, Long> largerBodies;

    @Inject
    CertfreeConfig config;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        long configured = config.maxBodyBytes();
        largerBodies = Map.of("/api/v1/revocations", 4L << 20, OFD_VERIFICATIONS, config.ofd().uploadMaxBytes());
        BodyHandler defaultChunked = BodyHandler.create(false).setBodyLimit(configured).setHandleFileUploads(false);
        Map<String, BodyHandler> largerChunked = new java.util.HashMap<>();
        largerBodies.forEach((path, max) -> largerChunked.put(path,
                BodyHandler.create(false).setBodyLimit(Math.max(max, configured)).setHandleFileUploads(false)));
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            HttpServerRequest request = ctx.request();
            long limit = limit(request.path(), configured);
            BodyHandler chunked = largerChunked.getOrDefault(request.path(), defaultChunked);
            if (request.uri().length() > MAX_URI) {
                answer(ctx, ProblemType.URI_TOO_LONG, Messages.URI_TOO_LONG.formatted(request.uri().length(), MAX_URI));
                return;
            }
            long headerBytes = 0;
            for (Map.Entry<String, String> h : request.headers()) {
                headerBytes += h.getKey().length() + h.getValue().length() + 4;
            }
            if (headerBytes > MAX_HEADER_BYTES) {
                answer(ctx, ProblemType.HEADERS_TOO_LARGE, Messages.HEADERS_TOO_LARGE.formatted(headerBytes, MAX_HEADER_BYTES));
                return;
            }
            String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
            boolean stream = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(NDJSON);
            long max = stream ? config.issuanceJobs().maxBodyBytes() : limit;
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                long declared;
                try {
                    declared = Long.parseLong(length.trim());
                } catch (NumberFormatException e) {
                    declared = -1;
                }
                if (declared > max) {
                    answer(ctx, ProblemType.PAYLOAD_TOO_LARGE, Messages.PAYLOAD_TOO_LARGE.formatted(declared, max));
                    return;
                }
                ctx.next();
            } else if (!stream && request.headers().contains(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED, true)) {
                chunked.handle(ctx); // reads the body up to the limit (then 413, below); Quarkus REST reads it from there
            } else {
                ctx.next();
            }
        });
        // the body handler fails the context with 413 once a chunked body passes the limit
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.response().ended() && ctx.failure() instanceof HttpClosedException) {
                return; // the client's upload cut off after its 413 answer: nothing left to say, nothing to log
            }
            if (ctx.statusCode() == 413) {
                answer(ctx, ProblemType.PAYLOAD_TOO_LARGE, Messages.CHUNKED_TOO_LARGE.formatted(limit(ctx.request().path(), configured)));
            } else {
                ctx.next();
            }
        });
    }

    /** The body limit of {@code path}: the configured one, or more for the paths of {@link #largerBodies}. */
    private long limit(String path, long configured) {
        Long larger = path == null ? null : largerBodies.get(path);
        return larger == null ? configured : Math.max(larger, configured);
    }

    private void answer(RoutingContext ctx, ProblemType type, String detail) {
        if (ctx.response().ended()) {
            return;
        }
        String path;
        try {
            path = ctx.request().path();
        } catch (RuntimeException e) {
            path = null;
        }
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail,
                path == null || path.length() > 200 ? null : path, null, null, null);
        try {
            ctx.response().setStatusCode(type.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE + ";charset=UTF-8")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
