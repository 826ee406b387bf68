package org.certfree.proofs.copy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.copy.dto.CopyCheckInput;
import org.certfree.proofs.copy.dto.CopyCheckResult;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The online check of a purpose-bound copy (加注件) by the using unit it is bound to. */
@Path("/api/v1/copy-verifications")
@Tag(name = "copies", description = "加注件（限定用途、用证单位和有效期的证明副本）/ Purpose-bound copies of proofs")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class CopyCheckResource {

    @Inject
    CopyCheckService checks;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.VERIFIER)
    @Operation(summary = "在线核验加注件 / Check a copy online",
            description = "用证单位提交加注件令牌：核对开具部门的签名、令牌是否由本服务签发、限定的用证单位是否为本单位、是否过期或被持证人撤回，"
                    + "以及所附证明的签名、披露项和开具部门的当前记录（撤销、替代、过期、暂停）。通过时返回持证人为此用途披露的内容。"
                    + "每次核验记入持证人的访问记录。撤回只有在线核验能看出；离线核验（只凭 JWKS 和状态列表）看不出。"
                    + " / A using unit presents a copy token: the issuer's signature, that this service made it, that it is bound to this unit,"
                    + " that it has not expired or been withdrawn, and the proof inside (signature, disclosures, the issuer's current record)."
                    + " When it passes, the content the holder disclosed for this purpose. Every check is in the holder's access log."
                    + " Only an online check sees a withdrawal; an offline one (JWKS and status list) cannot.")
    @APIResponse(responseCode = "200", description = "核验结论 / the verdict")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    public CopyCheckResult check(@NotNull(message = Messages.BODY_REQUIRED) @Valid CopyCheckInput body) {
        return checks.check(body.token(), caller);
    }
}
