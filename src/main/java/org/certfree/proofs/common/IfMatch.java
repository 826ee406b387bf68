package org.certfree.proofs.common;

import jakarta.ws.rs.core.HttpHeaders;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;

/** Optimistic-lock version sent by the client: in the body, or as an If-Match entity tag ("3", W/"3" or 3). */
public final class IfMatch {

    private IfMatch() {
    }

    /** The body's version when given, else the If-Match header's; null when neither (400 when unreadable). */
    public static Integer version(Integer fromBody, String ifMatch) {
        if (fromBody != null) {
            return fromBody;
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(HttpHeaders.IF_MATCH, Messages.MATTER_IF_MATCH_INVALID);
        }
    }
}
