package org.certfree.proofs.system.openapi;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * The API's OpenAPI header; {@code openapi/openapi.yaml} is the served document, kept equal by a test.
 * An operation that needs a token says {@code @SecurityRequirement(name = "bearer")}; a public one
 * ({@code @PermitAll}) says an empty {@code @SecurityRequirements}, which the document shows as
 * {@code security: []}, so a client generator knows not to send a token.
 */
@OpenAPIDefinition(
        info = @Info(title = "certfree-proofs — 无证明城市 电子证明开具与核验 API", version = "v1",
                description = """
                        证明事项清单（保留、取消、告知承诺）、电子证明的开具与核验。错误一律以 RFC 9457 \
                        application/problem+json 返回：title 为英文，detail 为可据以操作的中文说明。
                        Proof-matter lists (retained, cancelled, notify-and-commit) and signed electronic proofs. \
                        Every error is an RFC 9457 problem document: English title, Chinese detail.
                        Authentication: bearer JWT with roles in `groups` (ADMIN, REVIEWER, LIST_EDITOR, ISSUER, \
                        VERIFIER, CITIZEN) and the caller's department in `dept`. In demo mode, \
                        POST /api/v1/dev/tokens mints one.""",
                // The repository grants no licence; say so rather than leave a generator to guess.
                license = @License(name = "保留所有权利，未授予开源许可 / All rights reserved, no open-source licence granted",
                        identifier = "LicenseRef-All-Rights-Reserved")),
        // Relative: the API is served wherever this document is (each deployment has its own host).
        servers = @Server(url = "/", description = "提供本文档的服务 / the service serving this document"),
        components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = "bearer",
                type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")))
public class ApiDocument extends Application {

    /** Tag of the operations that exist in demo mode only; {@link TagOrderFilter} lists it last. */
    public static final String DEMO_TAG = "demo";

    /** Its description. */
    public static final String DEMO_TAG_DESCRIPTION =
            "仅演示模式：开发令牌与基准测试下限（生产模式下为 404）/ Demo mode only: development tokens and the benchmark floor (404 in production)";
}
