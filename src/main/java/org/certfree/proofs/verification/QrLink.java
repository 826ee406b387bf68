package org.certfree.proofs.verification;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The status-page link a proof's QR code carries ({@code …/verify?n=<number>&c=<code>}), read back. */
final class QrLink {

    private QrLink() {
    }

    /** The link's query parameters, decoded; empty when it is not a URL. */
    static Map<String, String> parameters(String url) {
        Map<String, String> out = new HashMap<>();
        try {
            String q = URI.create(url).getRawQuery();
            if (q == null) {
                return out;
            }
            for (String pair : q.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        } catch (IllegalArgumentException e) {
            return out;
        }
        return out;
    }

}
