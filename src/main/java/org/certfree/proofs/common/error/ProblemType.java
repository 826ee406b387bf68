package org.certfree.proofs.common.error;

/**
 * The kinds of problem the API answers with. {@link #uri()} is the stable {@code type} of the problem
 * document (RFC 9457 section 3.1.1); {@link #title()} its English title.
 */
public enum ProblemType {
    VALIDATION(400, "Request is not valid"),
    MALFORMED_BODY(400, "Request body is not readable"),
    BAD_PARAMETER(400, "Parameter is not valid"),
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    DUPLICATE(409, "Already exists"),
    STALE_VERSION(409, "Stale version"),
    PAYLOAD_TOO_LARGE(413, "Request body too large"),
    URI_TOO_LONG(414, "Request address too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused"),
    UNPROCESSABLE(422, "Request cannot be processed"),
    TOO_MANY_REQUESTS(429, "Too many requests"),
    HEADERS_TOO_LARGE(431, "Request headers too large"),
    INTERNAL(500, "Internal error"),
    RECORD_INTEGRITY(500, "Stored record does not match what was signed"),
    UNAVAILABLE(503, "Service temporarily unavailable");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return "urn:certfree:problem:" + name().toLowerCase().replace('_', '-');
    }
}
