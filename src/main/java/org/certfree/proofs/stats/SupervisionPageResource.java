package org.certfree.proofs.stats;

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

/**
 * The supervision dashboard (监督看板) of the justice bureau and ADMIN: a static Chinese page that, in the
 * browser, calls the statistics, signal, dispute and complaint APIs with the bearer token the user gives it.
 * The page holds no data, so it is public; the APIs behind it decide who sees what.
 */
@Path("/supervision")
@Tag(name = StatisticsResource.TAG)
public class SupervisionPageResource {

    private volatile String page;

    @GET
    @PermitAll
    @SecurityRequirements
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "监督看板页面 / The supervision dashboard page",
            description = "司法局和管理员的中文监督看板：近 6 个月各部门统计图表，待处理异议、清单异议、投诉和监督信号列表。"
                    + "页面本身不含数据，在浏览器中用使用者提供的令牌（地址 #token= 片段或粘贴，存于 sessionStorage）调用接口。"
                    + " / The Chinese dashboard of the justice bureau and ADMIN: six months of per-department statistics as charts,"
                    + " open disputes, list disputes, complaints and supervision signals as tables. The page holds no data; in the"
                    + " browser it calls the APIs with the token the user gives (URL fragment #token= or pasted, kept in sessionStorage).")
    @APIResponse(responseCode = "200", description = "HTML 页面 / HTML page")
    @APIResponse(responseCode = "406")
    public Response page() {
        String html = page;
        if (html == null) {
            try (InputStream in = getClass().getResourceAsStream("/web/supervision.html")) {
                html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                page = html;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Response.ok(html).type("text/html; charset=UTF-8")
                .header("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "public, max-age=300").build();
    }
}
