package org.certfree.proofs.system.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.Problem;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.system.config.CertfreeConfig;

/**
 * Refuses a declared body larger than {@code certfree.max-body-bytes} with a 413 problem document
 * before it is read (Vert.x's own limit, set higher, answers undeclared chunked bodies).
 */
@ApplicationScoped
public class BodyLimit {

    @Inject
    CertfreeConfig config;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        long limit = config.maxBodyBytes();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long declared = -1;
            if (length != null) {
                try {
                    declared = Long.parseLong(length.trim());
                } catch (NumberFormatException e) {
                    declared = -1;
                }
            }
            if (declared > limit) {
                Problem problem = new Problem(ProblemType.PAYLOAD_TOO_LARGE.uri(), ProblemType.PAYLOAD_TOO_LARGE.title(),
                        413, Messages.PAYLOAD_TOO_LARGE.formatted(declared, limit), ctx.request().path(), null, null, null);
                try {
                    ctx.response().setStatusCode(413)
                            .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE + ";charset=UTF-8")
                            .putHeader(HttpHeaders.CONNECTION, "close")
                            .end(json.writeValueAsString(problem));
                } catch (JsonProcessingException e) {
                    ctx.fail(e);
                }
                return;
            }
            ctx.next();
        });
    }
}
