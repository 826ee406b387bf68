package org.certfree.proofs.proof;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.proof.dto.SubjectRecordInput;
import org.certfree.proofs.system.openapi.Examples;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What an issuing department's system records about a subject for one matter; requests for immediate
 * matters are issued from it at once. Formerly {@code PUT /api/v1/proofs/data/{matterCode}}, which
 * stays as a deprecated alias in {@link ProofResource}: beside {@code /api/v1/proofs/{number}/…} that
 * path is ambiguous to a client generator.
 */
@Path("/api/v1/subject-records")
@Tag(name = "proofs", description = "电子证明 / Electronic proofs")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class SubjectRecordResource {

    @Inject
    SubjectRecords records;

    @Inject
    Caller caller;

    @PUT
    @Path("{matterCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ISSUER)
    @Operation(summary = "登记部门数据 / Record the department's data on a subject",
            description = "开具部门的业务系统登记其掌握的主体数据；对即时开具的事项，申请据此立即开具。"
                    + " / The issuing department's system records what it holds on a subject; requests for immediate matters are issued from it at once.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubjectRecordInput.class),
            examples = @ExampleObject(name = "household-registration", summary = "户籍数据 / household registration data",
                    value = Examples.SUBJECT_RECORD)))
    @APIResponse(responseCode = "204", description = "已登记 / recorded")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "422")
    public void put(@PathParam("matterCode") String matterCode,
            @NotNull(message = Messages.BODY_REQUIRED) @Valid SubjectRecordInput body) {
        records.put(matterCode, body, caller);
    }
}
