package org.certfree.proofs.proof;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.proof.dto.IssueProofRequest;
import org.certfree.proofs.proof.dto.ProofPage;
import org.certfree.proofs.proof.dto.ProofView;
import org.certfree.proofs.proof.dto.ReissueRequest;
import org.certfree.proofs.proof.dto.RevokeRequest;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.idempotency.IdempotencyService;
import org.certfree.proofs.system.openapi.Examples;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Electronic proofs: issued, read, revoked and re-issued by their department; read by their subject. */
@Path("/api/v1/proofs")
@Tag(name = "proofs", description = "电子证明 / Electronic proofs")
@Produces(MediaType.APPLICATION_JSON)
public class ProofResource {

    /** The {@code purpose} parameter of the reads the holder's access log records. */
    static final String PURPOSE_DOC = "查看理由（可选，最长 200 字）：开具部门查看时记入持证人的访问记录 / why (optional, up to 200 characters): "
            + "recorded in the holder's access log when the issuing department reads";

    @Inject
    IssuanceService issuance;

    @Inject
    DirectIssuance direct;

    @Inject
    ProofQueries queries;

    @Inject
    SubjectRecords records;

    @Inject
    IdempotencyService idempotency;

    @Inject
    Caller caller;

    @Inject
    ProofRendering rendering;

    @Inject
    StaffActions staffActions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ISSUER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "开具电子证明 / Issue a proof",
            description = "本部门的开具人员对保留清单上、出具电子证明的本部门事项直接开具。带相同 Idempotency-Key 的重试返回同一份证明。"
                    + " / An ISSUER issues a proof of a matter of their own department on the retained list; a retry with the same Idempotency-Key returns the same proof.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IssueProofRequest.class),
            examples = @ExampleObject(name = "household-registration", summary = "户籍证明 / household registration",
                    value = Examples.ISSUE_PROOF_REQUEST)))
    @APIResponse(responseCode = "201", description = "已开具 / issued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProofView.class),
                    examples = @ExampleObject(name = "issued", summary = "已开具（JWS 已截短）/ issued (JWS shortened)",
                            value = Examples.PROOF_ISSUED)))
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "422")
    @APIResponse(responseCode = "503", description = "开具请求过多，1 秒后重试（可带同一 Idempotency-Key）/ too many issuances waiting: retry after Retry-After")
    public Response issue(@Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String key,
            @NotNull(message = Messages.BODY_REQUIRED) @Valid IssueProofRequest body) {
        return idempotency.execute(key, caller, "POST /api/v1/proofs", body, () -> {
            ProofView proof = direct.issue(body, caller);
            return Response.created(URI.create(ProofQueries.PATH + proof.number())).entity(proof).build();
        });
    }

    @GET
    @RolesAllowed({ Role.Names.ISSUER, Role.Names.CITIZEN, Role.Names.ADMIN })
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "列出证明 / List proofs",
            description = "开具人员看到本部门开具的证明，姓名和证件号脱敏；按 subjectId 查询某一主体时显示完整内容，每份证明都记入该主体的访问记录。"
                    + "群众看到关于本人的证明（完整内容）；管理员看到脱敏后的全部证明。"
                    + " / ISSUERs see their department's proofs masked; filtered to one subject (subjectId) they see them in full and each"
                    + " proof shown is recorded in that subject's access log. Citizens see their own in full, ADMIN all (masked).")
    @APIResponse(responseCode = "200", description = "一页证明 / a page of proofs")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    public ProofPage list(@QueryParam("matter") String matter, @QueryParam("status") ProofStatus status,
            @Parameter(description = "主体证件号（开具部门查询用）/ subject ID (issuers)") @QueryParam("subjectId") String subjectId,
            @Parameter(description = PURPOSE_DOC) @QueryParam("purpose") String purpose,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return queries.list(caller, matter, status, subjectId, purpose, PageRequest.of(page, size));
    }

    @GET
    @Path("{number}")
    @RolesAllowed({ Role.Names.ISSUER, Role.Names.CITIZEN, Role.Names.ADMIN, Role.Names.VERIFIER })
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "读取一份证明 / Read a proof",
            description = "证明主体本人和开具部门看到完整内容、核验码和签名证明（JWS、SD-JWT 及全部披露项）；开具部门的每次查看都记入持证人的访问记录。"
                    + "凭持证人授权（consentRef）申请开具该证明的用证单位，在授权有效期内看到授权范围内的内容（调取，不含核验码，记入持证人的访问记录）。"
                    + "管理员看到脱敏内容，不含核验码；其他人返回 403。"
                    + " / The subject and the issuing department see the full content, the verification code and the signed forms (JWS, SD-JWT with every disclosure);"
                    + " each read by the department is recorded in the holder's access log. The using unit that requested the proof with the holder's consent (consentRef)"
                    + " sees what the consent covers while it is active (调取: no code, recorded in the holder's access log). ADMIN sees masked values without the code; others get 403.")
    @APIResponse(responseCode = "200", description = "证明 / the proof")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public ProofView read(@PathParam("number") String number, @Parameter(description = PURPOSE_DOC) @QueryParam("purpose") String purpose) {
        return queries.read(number, caller, purpose);
    }

    @POST
    @Path("{number}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ISSUER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "撤销证明 / Revoke a proof",
            description = "开具部门撤销一份有效（VALID）的证明，须给出原因 reason，可附说明；此后核验不再通过，部门的状态列表下一次读取即反映撤销。已撤销或已被替代的证明返回 409。"
                    + " / The issuing department revokes a VALID proof with a reason and an optional note; verification fails from then on and the department's status list shows it from its next fetch. A proof already revoked or superseded answers 409.")
    @APIResponse(responseCode = "200", description = "已撤销 / revoked")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    public ProofView revoke(@PathParam("number") String number, @NotNull(message = Messages.BODY_REQUIRED) @Valid RevokeRequest body) {
        return issuance.revoke(number, body, caller);
    }

    @POST
    @Path("{number}/reissue")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ISSUER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "更正重开 / Re-issue a corrected proof",
            description = "开具新证明并将原证明标记为已被替代（SUPERSEDED），原证明指向新证明。"
                    + " / Issues a corrected proof; the old one becomes SUPERSEDED and points to it.")
    @APIResponse(responseCode = "201", description = "新证明 / the successor")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    public Response reissue(@PathParam("number") String number,
            @Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String key,
            @NotNull(message = Messages.BODY_REQUIRED) @Valid ReissueRequest body) {
        return idempotency.execute(key, caller, "POST /api/v1/proofs/" + number + "/reissue", body, () -> {
            ProofView proof = issuance.reissue(number, body, caller);
            return Response.created(URI.create(ProofQueries.PATH + proof.number())).entity(proof).build();
        });
    }

    // Deprecated alias of SubjectRecordResource.put (this path is ambiguous beside {number}/…); remove when clients have moved.
    @jakarta.ws.rs.PUT
    @Path("data/{matterCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ISSUER)
    @SecurityRequirement(name = "bearer")
    @Operation(deprecated = true, summary = "登记部门数据（旧地址）/ Record the department's data on a subject (old path)",
            description = "已改为 PUT /api/v1/subject-records/{matterCode}，行为相同；此旧地址暂时保留，以后将移除。"
                    + " / Moved to PUT /api/v1/subject-records/{matterCode} with the same behaviour; this old path stays for now and will be removed.")
    @APIResponse(responseCode = "204", description = "已登记 / recorded")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "422")
    public void putRecord(@PathParam("matterCode") String matterCode,
            @NotNull(message = Messages.BODY_REQUIRED) @Valid org.certfree.proofs.proof.dto.SubjectRecordInput body) {
        records.put(matterCode, body, caller);
    }

    @GET
    @Path("{number}/qr.png")
    @RolesAllowed({ Role.Names.ISSUER, Role.Names.CITIZEN })
    @SecurityRequirement(name = "bearer")
    @Produces("image/png")
    @Operation(summary = "证明二维码（PNG）/ The proof's QR code (PNG)",
            description = "内容为核验页地址（含编号和核验码）。仅证明主体本人和开具部门；开具部门下载时记入持证人的访问记录。"
                    + " / Carries the status-page URL with number and code. The subject and the issuing department only;"
                    + " a download by the department is recorded in the holder's access log.")
    @APIResponse(responseCode = "200", description = "PNG")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public Response qrPng(@PathParam("number") String number, @Parameter(description = PURPOSE_DOC) @QueryParam("purpose") String purpose) {
        ProofView proof = queries.readFull(number, caller, AccessKind.PROOF_QR, purpose, Map.of("format", "png"));
        return Response.ok(rendering.qrPng(proof)).type("image/png").build();
    }

    @GET
    @Path("{number}/qr.svg")
    @RolesAllowed({ Role.Names.ISSUER, Role.Names.CITIZEN })
    @SecurityRequirement(name = "bearer")
    @Produces("image/svg+xml")
    @Operation(summary = "证明二维码（SVG）/ The proof's QR code (SVG)",
            description = "内容为核验页地址（含编号和核验码），矢量格式，便于印刷。仅证明主体本人和开具部门；开具部门下载时记入持证人的访问记录。"
                    + " / Carries the status-page URL with number and code; vector, for print. The subject and the issuing department only;"
                    + " a download by the department is recorded in the holder's access log.")
    @APIResponse(responseCode = "200", description = "SVG")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public Response qrSvg(@PathParam("number") String number, @Parameter(description = PURPOSE_DOC) @QueryParam("purpose") String purpose) {
        ProofView proof = queries.readFull(number, caller, AccessKind.PROOF_QR, purpose, Map.of("format", "svg"));
        return Response.ok(rendering.qrSvg(proof)).type("image/svg+xml").build();
    }

    @GET
    @Path("{number}/pdf")
    @RolesAllowed({ Role.Names.ISSUER, Role.Names.CITIZEN })
    @SecurityRequirement(name = "bearer")
    @Produces("application/pdf")
    @Operation(summary = "可打印的证明（PDF）/ The printable proof (PDF)",
            description = "供不使用手机的群众打印；含二维码、编号和核验码。仅证明主体本人和开具部门；开具部门下载时记入持证人的访问记录。"
                    + " / For people who do not use phones: QR, number and code on paper. The subject and the issuing department only;"
                    + " a download by the department is recorded in the holder's access log.")
    @APIResponse(responseCode = "200", description = "PDF")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public Response pdf(@PathParam("number") String number, @Parameter(description = PURPOSE_DOC) @QueryParam("purpose") String purpose) {
        ProofView proof = queries.readFull(number, caller, AccessKind.PROOF_PDF, purpose, Map.of("format", "pdf"));
        if (!caller.has(Role.CITIZEN)) { // staff printing a holder's proof: an export of personal data
            staffActions.record("personal-data.exported", caller.department().orElse(null), "proof",
                    proof.number(), "format", "pdf");
        }
        return Response.ok(rendering.pdf(proof)).type("application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + proof.number() + ".pdf\"").build();
    }
}
