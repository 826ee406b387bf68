package org.certfree.proofs.verification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.system.idempotency.IdempotencyService;
import org.certfree.proofs.system.openapi.Examples;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.certfree.proofs.verification.dto.VerificationResult;
import org.certfree.proofs.verification.dto.VerifyRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Online verification by using units. */
@Path("/api/v1/verifications")
@Tag(name = "verifications", description = "核验（谁制发、谁核验）/ Verification on the issuer's authority")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class VerificationResource {

    @Inject
    VerificationService verification;

    @Inject
    Caller caller;

    @Inject
    IdempotencyService idempotency;

    @Inject
    OfdUploads ofdUploads;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.VERIFIER)
    @Operation(summary = "核验证明 / Verify a proof",
            description = "用证单位提交签名证明、二维码内容或编号加核验码；结论由开具部门的记录给出，并附开具部门签名的核验回执。"
                    + "调取全文须持证人授权本单位为本次用途调取该事项的证明。本单位须列入该事项的用证清单。"
                    + " / A using unit presents the signed proof, the QR payload or number + code; the verdict comes from the issuer's record "
                    + "with a receipt signed by the issuing department. Full content needs the holder's consent for this unit, matter and purpose; the unit must be on the 用证 list.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = VerifyRequest.class),
            examples = {
                @ExampleObject(name = "number-and-code", summary = "编号加核验码，并核对持证人 / number and code, matching the holder",
                        value = Examples.VERIFY_BY_NUMBER),
                @ExampleObject(name = "qr", summary = "扫描二维码 / a scanned QR code", value = Examples.VERIFY_BY_QR) }))
    @APIResponse(responseCode = "200", description = "核验结论 / the verdict",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VerificationResult.class),
                    examples = {
                        @ExampleObject(name = "passed", summary = "真实有效 / valid (TOTAL_PASSED)", value = Examples.VERIFICATION_PASSED),
                        @ExampleObject(name = "revoked", summary = "已撤销 / revoked (TOTAL_FAILED)", value = Examples.VERIFICATION_REVOKED) }))
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "429", description = "该编号的核验码被输错过多（不论来自哪个单位或客户端），稍后再试或提交签名证明 / too many wrong codes for this number, from any unit or client (Retry-After)")
    @APIResponse(responseCode = "503", description = "回执签发繁忙，1 秒后重试（可带同一 Idempotency-Key）/ receipt signing is busy: retry after Retry-After")
    public Response verify(@Parameter(description = "幂等键：重试返回同一核验结论和回执，不重复记录 / idempotency key: a retry returns the same verdict and receipt, logged once")
            @HeaderParam(IdempotencyService.HEADER) String key,
            @NotNull(message = Messages.BODY_REQUIRED) @Valid VerifyRequest body) {
        return idempotency.execute(key, caller, "POST /api/v1/verifications", body,
                () -> Response.ok(verification.verify(body, caller)).build());
    }

    /** What an OFD upload's Idempotency-Key is bound to: the file's digest and the query. */
    private record OfdRequest(String sha256, String purpose, String serviceMatter) {
    }

    @POST
    @Path("ofd") // RequestLimits.OFD_VERIFICATIONS
    @Consumes(OfdUploads.MEDIA_TYPE)
    @RolesAllowed(Role.Names.VERIFIER)
    @Operation(summary = "核验上传的 OFD 证明文件 / Verify an uploaded OFD proof",
            description = "用证单位上传持证人提交的、加盖开具部门电子印章的 OFD 证明文件（请求体即文件本身，Content-Type: application/ofd）。"
                    + "服务先以自有代码安全解压（文件名、条目数、大小、压缩比受限），再核验：文件完整性、电子印章及制章者签名、"
                    + "签章人证书链至已配置的根证书、签章人证书在印章授权列表中、签章时的有效期、吊销状态、"
                    + "签章人证书属于开具该证明的部门的签名密钥、文件元数据（编号、类型代码、颁发机构、颁发日期）与开具部门签名的记录一致，"
                    + "以及证明的当前状态（撤销、暂停、被替换、过期）。结论与其他核验方式相同，附开具部门签名的回执，并记入持证人的访问记录。"
                    + "文件本身不合格（无法解压、签章无效、证书不受信任等）时返回 4xx 问题说明，指明未通过的检查，不作任何记录。"
                    + "加注件的 OFD 不在此核验（它限定用证单位、用途和有效期，且可撤回）：返回 422，请用其元数据中的令牌调用 POST /api/v1/copy-verifications。"
                    + " / A using unit uploads the OFD file a holder handed in, sealed by the issuing department (the body is the file). "
                    + "It is unpacked by the service's own checked code (names, entry count, sizes, ratio), then checked: integrity, the seal and "
                    + "its maker's signature, the signer's chain to the configured roots, the signer in the seal's list, validity at the signing "
                    + "time, revocation, the signer's certificate being for a key of the issuing department, the metadata (number, type code, "
                    + "issuer, issue date) agreeing with the issuer's signed record, and the proof's current status. One verdict as for every "
                    + "verification, with a receipt signed by the issuing department and a row in the holder's access log. A file that fails "
                    + "its own checks is a 4xx problem naming the check, and nothing is recorded. A purpose-bound copy's OFD (加注件) is not "
                    + "checked here (it is bound to a unit, a purpose and an expiry, and can be withdrawn): 422, pointing to "
                    + "POST /api/v1/copy-verifications with the token in its metadata.")
    @RequestBody(required = true, description = "OFD 文件（zip 包），不超过 certfree.ofd.upload-max-bytes（默认 5 MB）/ the OFD file (a zip package), at most certfree.ofd.upload-max-bytes (5 MB by default)",
            content = @Content(mediaType = OfdUploads.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "200", description = "核验结论 / the verdict",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VerificationResult.class),
                    examples = {
                        @ExampleObject(name = "passed", summary = "真实有效 / valid (TOTAL_PASSED)", value = Examples.VERIFICATION_PASSED),
                        @ExampleObject(name = "revoked", summary = "文件签章有效，但证明已撤销 / a valid file of a revoked proof (TOTAL_FAILED)",
                                value = Examples.VERIFICATION_REVOKED) }))
    @APIResponse(responseCode = "400", description = "请求体为空、不是 zip 包或包内文件名不安全，或缺少用途 / empty body, not a zip, an unsafe entry name, or no purpose")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "413", description = "文件超过上限，或解压后过大（zip 炸弹）/ the file is above the limit, or inflates beyond it (a zip bomb)")
    @APIResponse(responseCode = "415", description = "Content-Type 不是 application/ofd / not application/ofd")
    @APIResponse(responseCode = "422", description = "文件可解压但未通过签章核验（说明指明未通过的检查），或它是加注件 / the file opens but fails a check, named in the detail, or it is a copy (加注件)",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "forged-chain",
                    summary = "签章人证书不受信任 / untrusted signer", value = Examples.OFD_REFUSED)))
    @APIResponse(responseCode = "503", description = "回执签发繁忙，1 秒后重试（可带同一 Idempotency-Key）/ receipt signing is busy: retry after Retry-After")
    public Response verifyOfd(@Parameter(description = "幂等键：同一文件和用途重试返回同一核验结论和回执，不重复记录 / idempotency key: a retry with the same file and purpose returns the same verdict and receipt, logged once")
            @HeaderParam(IdempotencyService.HEADER) String key,
            @Parameter(description = "用途 / purpose", example = "办理入学") @QueryParam("purpose")
            @NotBlank(message = Messages.PURPOSE_REQUIRED) @Size(max = 200, message = Messages.PURPOSE_TOO_LONG) String purpose,
            @Parameter(description = "办理事项 / the handling matter (用证清单)", example = "义务教育入学登记") @QueryParam("serviceMatter")
            @Size(max = 200, message = Messages.SERVICE_MATTER_TOO_LONG) String serviceMatter,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
            InputStream body) {
        byte[] upload = ofdUploads.read(body, length);
        String trimmedMatter = serviceMatter == null || serviceMatter.isBlank() ? null : serviceMatter.trim();
        OfdRequest request = new OfdRequest(sha256(upload), purpose.trim(), trimmedMatter);
        return idempotency.execute(key, caller, "POST /api/v1/verifications/ofd", request,
                () -> Response.ok(ofdUploads.verify(upload, purpose, trimmedMatter, caller)).build());
    }

    private static String sha256(byte[] data) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
