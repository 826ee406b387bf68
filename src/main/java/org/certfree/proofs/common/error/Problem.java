package org.certfree.proofs.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details: English {@code title}, Chinese {@code detail} a person can act on. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String correlationId,
        String existing,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field or parameter. */
    public record FieldError(String field, String message) {
    }
}
