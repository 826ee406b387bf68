package org.certfree.proofs.keys;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.keys.dto.CertificateView;
import org.certfree.proofs.keys.dto.CompromiseRequest;
import org.certfree.proofs.keys.dto.KeyView;
import org.certfree.proofs.keys.pki.DepartmentCertificates;
import org.certfree.proofs.keys.pki.PkiResource;
import org.certfree.proofs.system.idempotency.IdempotencyService;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A department's signing keys: public metadata, rotation, compromise, and the SM2 keys' certificates. */
@Path("/api/v1/departments/{code}/keys")
@Tag(name = "keys", description = "部门签名密钥 / Department signing keys")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class KeyResource {

    @Inject
    KeyService keys;

    @Inject
    DepartmentService departments;

    @Inject
    IdempotencyService idempotency;

    @Inject
    Caller caller;

    @Inject
    DepartmentCertificates certificates;

    @Inject
    CertificateRequests requests;

    @GET
    @RolesAllowed({ Role.Names.ADMIN, Role.Names.REVIEWER, Role.Names.LIST_EDITOR, Role.Names.ISSUER,
            Role.Names.VERIFIER })
    @Operation(summary = "列出部门的签名密钥 / List a department's signing keys",
            description = "所有状态的密钥（仅公开信息，从不包含私钥），最新的在前。管理员可查看任何部门，其他工作人员只能查看本部门。"
                    + " / Keys of every state (public metadata only, never private keys), newest first. ADMIN sees any"
                    + " department; other staff only their own.")
    @APIResponse(responseCode = "200", description = "密钥列表 / the keys")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public List<KeyView> list(@Parameter(description = "部门编码 / department code") @PathParam("code") String code) {
        if (!caller.has(Role.ADMIN)) {
            caller.requireDepartment(code);
        }
        requireExisting(code);
        return keys.list(code);
    }

    @POST
    @Path("rotate")
    @RolesAllowed({ Role.Names.ADMIN, Role.Names.ISSUER })
    @Operation(summary = "轮换签名密钥 / Rotate the signing keys",
            description = "为每种算法（SM2SM3、EdDSA）生成新的启用密钥；原密钥转为停用（RETIRED），在保留期内继续公布以便核验已签发的文书。"
                    + "管理员或本部门的开具人员（ISSUER）可操作。带 Idempotency-Key 的重试不会再次轮换。"
                    + " / Makes a new ACTIVE key of each algorithm; the old ones become RETIRED and stay published for"
                    + " verification during the retention period. ADMIN, or an ISSUER of that department. Retries with the"
                    + " same Idempotency-Key do not rotate again.")
    @APIResponse(responseCode = "200", description = "新的启用密钥 / the new active keys")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    @APIResponse(responseCode = "422")
    public Response rotate(@Parameter(description = "部门编码 / department code") @PathParam("code") String code,
            @Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String idempotencyKey) {
        if (!caller.has(Role.ADMIN)) {
            caller.requireDepartment(code);
        }
        requireExisting(code);
        return idempotency.execute(idempotencyKey, caller, "POST /api/v1/departments/" + code + "/keys/rotate",
                code, () -> Response.ok(keys.rotate(code)).build());
    }

    @POST
    @Path("{kid}/compromise")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "标记密钥泄露 / Declare a key compromised",
            description = "自 compromisedAt 起（含）该密钥的所有签名核验失败，之前的签名仍可核验（在线核验还会比对服务端的签发记录）。"
                    + "启用中的密钥会同时被替换。只能把泄露时间提前。仅管理员可操作。"
                    + " / Every signature of the key made at or after compromisedAt fails verification; earlier ones still"
                    + " verify (online verification also checks the server-side issuance record). An ACTIVE key is replaced."
                    + " The instant can only be moved earlier. ADMIN only.")
    @APIResponse(responseCode = "200", description = "已标记 / the compromised key")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    public Response compromise(@Parameter(description = "部门编码 / department code") @PathParam("code") String code,
            @Parameter(description = "密钥标识 / key id (RFC 7638 thumbprint)") @PathParam("kid") String kid,
            @Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @NotNull(message = Messages.KEYS_BODY_REQUIRED) @Valid CompromiseRequest body) {
        requireExisting(code);
        return idempotency.execute(idempotencyKey, caller,
                "POST /api/v1/departments/" + code + "/keys/" + kid + "/compromise", body,
                () -> Response.ok(keys.compromise(code, kid, body.compromisedAt(), body.reason(), caller.subject())).build());
    }

    @GET
    @Path("{kid}/certificates")
    @RolesAllowed({ Role.Names.ADMIN, Role.Names.REVIEWER, Role.Names.LIST_EDITOR, Role.Names.ISSUER,
            Role.Names.VERIFIER })
    @Operation(summary = "列出 SM2 密钥的证书 / List an SM2 key's certificates",
            description = "最新的在前（JWKS 的 x5c 即最新且可信的一张）。管理员可查看任何部门，其他工作人员只能查看本部门。"
                    + " / Newest first (the JWKS x5c carries the newest trusted one). ADMIN sees any department; other"
                    + " staff only their own.")
    @APIResponse(responseCode = "200", description = "证书列表 / the certificates")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "422")
    public List<CertificateView> certificates(@Parameter(description = "部门编码 / department code") @PathParam("code") String code,
            @Parameter(description = "密钥标识 / key id") @PathParam("kid") String kid) {
        if (!caller.has(Role.ADMIN)) {
            caller.requireDepartment(code);
        }
        requireExisting(code);
        return certificates.list(code, kid);
    }

    @GET
    @Path("{kid}/csr")
    @RolesAllowed(Role.Names.ADMIN)
    @Produces(PkiResource.PEM)
    @Operation(summary = "生成证书请求（PKCS#10）/ Make a certification request (PKCS#10)",
            description = "由该 SM2 密钥自签（SM3withSM2）的 PKCS#10 证书请求（PEM），主体含部门名称（CN）和部门编码（UID），"
                    + "请求密钥用法 digitalSignature + nonRepudiation。生产模式下交给 CA 签发证书，再由管理员导入。仅管理员。"
                    + " / A PKCS#10 request (PEM) signed by the SM2 key itself (SM3withSM2), subject with the department's"
                    + " name (CN) and code (UID), requesting key usage digitalSignature + nonRepudiation: production sends it"
                    + " to its CA and an ADMIN uploads the certificate. ADMIN only.")
    @APIResponse(responseCode = "200", description = "PEM 证书请求 / PEM CSR")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    @APIResponse(responseCode = "422")
    public String csr(@Parameter(description = "部门编码 / department code") @PathParam("code") String code,
            @Parameter(description = "密钥标识 / key id") @PathParam("kid") String kid) {
        requireExisting(code);
        return requests.csr(code, kid);
    }

    @PUT
    @Path("{kid}/certificate")
    @RolesAllowed(Role.Names.ADMIN)
    @Consumes({ PkiResource.PEM, MediaType.TEXT_PLAIN })
    @Operation(summary = "导入 CA 签发的证书 / Upload the certificate a CA issued",
            description = "PEM：部门证书在前，其后为中间 CA 证书。须与该密钥公钥相同、密钥用法含 digitalSignature、当前有效，"
                    + "且能链接到已配置的根证书；否则返回 4xx 且不作任何更改。同一证书重复导入不改变任何内容。仅管理员。"
                    + " / PEM: the certificate first, then intermediate CA certificates. It must certify this key's public"
                    + " key, have key usage digitalSignature, be valid now and chain to a configured root; otherwise 4xx and"
                    + " nothing changes. The same certificate again changes nothing. ADMIN only.")
    @APIResponse(responseCode = "200", description = "已导入 / stored")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    @APIResponse(responseCode = "415")
    @APIResponse(responseCode = "422")
    public CertificateView upload(@Parameter(description = "部门编码 / department code") @PathParam("code") String code,
            @Parameter(description = "密钥标识 / key id") @PathParam("kid") String kid, byte[] body) {
        requireExisting(code);
        return certificates.upload(code, kid, body, caller.subject());
    }

    private void requireExisting(String code) {
        if (departments.find(code).isEmpty()) {
            throw ApiException.notFound(Messages.DEPARTMENT_NOT_FOUND.formatted(code));
        }
    }
}
