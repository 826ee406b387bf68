package org.certfree.proofs.verification;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The citizen status page (Chinese) that a proof's QR code opens: {@code /verify?n=<number>&c=<code>}. */
@Path("/verify")
@Tag(name = "status", description = "证明状态查询（公开）/ Public proof status check")
public class StatusPageResource {

    private volatile String page;

    @GET
    @PermitAll
    @SecurityRequirements
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "证明核验页面（二维码打开）/ The status page the QR code opens",
            description = "扫描证明二维码打开的中文页面（n 为证明编号，c 为核验码），在浏览器中调用公开的状态查询接口并显示结果。页面本身不含个人信息，可缓存 5 分钟。"
                    + " / The Chinese page a proof's QR code opens (n = number, c = verification code); in the browser it calls the public status check and shows the answer. The page itself holds no personal data and may be cached for 5 minutes.")
    @APIResponse(responseCode = "200", description = "HTML 页面 / HTML page")
    @APIResponse(responseCode = "406")
    public Response page() {
        String html = page;
        if (html == null) {
            try (InputStream in = getClass().getResourceAsStream("/web/verify.html")) {
                html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                page = html;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Response.ok(html).type("text/html; charset=UTF-8")
                .header("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'")
                .header("Cache-Control", "public, max-age=300").build();
    }

}
