package org.certfree.proofs.common.error;

import java.util.List;

/** A client-facing failure; the problem mapper turns it into an RFC 9457 document. */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final String existing;
    private final List<Problem.FieldError> errors;
    private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

    public ApiException(ProblemType type, String detail) {
        this(type, detail, null, null);
    }

    public ApiException(ProblemType type, String detail, String existing, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.existing = existing;
        this.errors = errors;
    }

    public ProblemType type() {
        return type;
    }

    /** Location of the resource a duplicate collided with (409), else null. */
    public String existing() {
        return existing;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** Adds a response header (e.g. Retry-After on 429). */
    public ApiException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public java.util.Map<String, String> headers() {
        return headers;
    }

    public static ApiException notFound(String detail) {
        return new ApiException(ProblemType.NOT_FOUND, detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ProblemType.FORBIDDEN, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ProblemType.CONFLICT, detail);
    }

    public static ApiException duplicate(String detail, String existingLocation) {
        return new ApiException(ProblemType.DUPLICATE, detail, existingLocation, null);
    }

    public static ApiException badParameter(String field, String detail) {
        return new ApiException(ProblemType.BAD_PARAMETER, detail, null, List.of(new Problem.FieldError(field, detail)));
    }

    public static ApiException invalid(String field, String detail) {
        return new ApiException(ProblemType.VALIDATION, detail, null, List.of(new Problem.FieldError(field, detail)));
    }

    public static ApiException unprocessable(String detail) {
        return new ApiException(ProblemType.UNPROCESSABLE, detail);
    }
}
