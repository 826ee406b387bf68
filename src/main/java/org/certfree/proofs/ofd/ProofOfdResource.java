package org.certfree.proofs.ofd;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/proofs/{number}/ofd")
@Tag(name = "proofs", description = "电子证明 / Electronic proofs")
public class ProofOfdResource {

    /** The OFD media type (GB/T 33190). */
    static final String OFD = "application/ofd";

    @Inject
    ProofOfds ofds;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Role.Names.ISSUER, Role.Names.CITIZEN })
    @SecurityRequirement(name = "bearer")
    @Produces(OFD)
    @Operation(summary = "加盖电子印章的证明（OFD）/ The proof as a sealed OFD",
            description = "GB/T 33190 OFD 版式文件，含证明内容、二维码和 GB/T 36905 电子证照元数据，由开具部门用其当前 SM2 签名密钥"
                    + "加盖 GB/T 38540 电子印章（整文档签章）。访问规则、脱敏和访问记录与 PDF 相同：仅证明主体本人和开具部门；"
                    + "开具部门下载时记入持证人的访问记录。生产模式下，部门没有列出其当前签名证书的印章时返回 409。"
                    + " / A GB/T 33190 OFD with the proof's content, QR and GB/T 36905 metadata, sealed over the whole"
                    + " document with the issuing department's GB/T 38540 seal and its ACTIVE SM2 key. Access rules, masking"
                    + " and access log as for the PDF: the subject and the issuing department only; a download by the"
                    + " department is recorded in the holder's access log. In production, 409 while the department has no"
                    + " seal listing its current signing certificate.")
    @APIResponse(responseCode = "200", description = "OFD")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    public Response ofd(@PathParam("number") String number,
            @Parameter(description = "查看理由（可选，最长 200 字）：开具部门下载时记入持证人的访问记录 / why (optional, up to 200"
                    + " characters): recorded in the holder's access log when the department downloads") @QueryParam("purpose") String purpose) {
        ProofOfds.Ofd ofd = ofds.ofd(number, caller, purpose);
        return Response.ok(ofd.bytes()).type(OFD)
                .header("Content-Disposition", "attachment; filename=\"" + ofd.number() + ".ofd\"").build();
    }
}
