package org.certfree.proofs.verification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.certfree.proofs.verification.dto.AccessLogEntry;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The holder's "who accessed my proofs" view. */
@Path("/api/v1/me/access-log")
@Tag(name = "verifications", description = "核验（谁制发、谁核验）/ Verification on the issuer's authority")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AccessLogResource {

    @Inject
    AccessLogService accessLog;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Role.Names.CITIZEN)
    @Operation(summary = "谁查看了我的证明 / Who accessed my proofs",
            description = "每一次核验和调取：单位、时间、用途、结论。此记录不能通过任何接口修改或删除。"
                    + " / Every verification and retrieval: unit, time, purpose, result. No API edits or deletes it.")
    @APIResponse(responseCode = "200", description = "访问记录 / access log")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    public Page<AccessLogEntry> accessLog(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return accessLog.of(caller, PageRequest.of(page, size));
    }
}
