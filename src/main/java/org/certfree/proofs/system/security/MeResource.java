package org.certfree.proofs.system.security;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the bearer token says the caller is. */
@Path("/api/v1/me")
@Tag(name = "me", description = "当前用户 / The signed-in caller")
@SecurityRequirement(name = "bearer")
public class MeResource {

    @Inject
    Caller caller;

    /** The caller's identity as the service sees it. */
    public record Me(String subject, Set<Role> roles, String dept) {
    }

    @GET
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "当前身份 / The caller's identity",
            description = "本服务从令牌中读出的身份：主体（sub/upn）、角色（groups）和所属部门（dept），即授权所依据的内容；可用来检查令牌是否如预期。"
                    + " / The identity the service reads from the bearer token — subject (sub/upn), roles (groups) and department (dept) — which is what it authorizes on; use it to check a token.")
    @APIResponse(responseCode = "200", description = "身份 / identity")
    @APIResponse(responseCode = "401")
    public Me me() {
        return new Me(caller.subject(), caller.roles(), caller.department().orElse(null));
    }
}
