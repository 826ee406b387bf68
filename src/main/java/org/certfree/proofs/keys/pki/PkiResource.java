package org.certfree.proofs.keys.pki;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.cert.X509Certificate;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public trust anchors of the department certificates and their revocation lists. */
@Path("/api/v1/pki")
@Tag(name = "keys", description = "部门签名密钥 / Department signing keys")
public class PkiResource {

    /** PEM text (RFC 7468). */
    public static final String PEM = "application/x-pem-file";

    /** DER of a CRL (RFC 2585). */
    public static final String PKIX_CRL = "application/pkix-crl";

    @Inject
    DepartmentCertificates certificates;

    @Inject
    RevocationLists crls;

    @GET
    @Path("roots")
    @PermitAll
    @SecurityRequirements
    @Produces(PEM)
    @Operation(summary = "信任的根证书 / Trusted root certificates",
            description = """
                    部门 SM2 签名证书所链接的根证书（PEM，SM2 / SM3withSM2），供离线核验方固定（pin）。JWKS 中 SM2 密钥的 x5c \
                    为部门证书及中间证书（不含根证书）。演示模式含本服务生成的演示根证书（仅供演示，无法律效力）；\
                    生产模式为配置的 CA 根证书。OpenSSL 核验须加 -vfyopt distid:1234567812345678。
                    / The roots the departments' SM2 signing certificates chain to (PEM, SM2 / SM3withSM2), for offline
                    verifiers to pin. The x5c of an SM2 key in the JWKS holds its certificate and any intermediates,
                    not the root. Demo mode includes the service's generated demo root (demo only, no legal standing);
                    production the configured CA roots. OpenSSL needs -vfyopt distid:1234567812345678.""")
    @APIResponse(responseCode = "200", description = "PEM 证书 / PEM certificates")
    @APIResponse(responseCode = "406")
    public Response roots() {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate root : certificates.roots()) {
            pem.append(Sm2Pki.pem("CERTIFICATE", Sm2Pki.der(root)));
        }
        return Response.ok(pem.toString()).header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600").build();
    }

    @GET
    @Path("crl")
    @PermitAll
    @SecurityRequirements
    @Produces(PEM)
    @Operation(summary = "证书撤销列表 / Certificate revocation lists",
            description = """
                    每个签发 CA 的当前 CRL（X.509 v2，PEM，可有多个）。演示模式：演示根证书签发（SM3withSM2），\
                    列出已泄露密钥的证书，原因 keyCompromise，失效日期（invalidityDate）为泄露时间；有变化即重签，\
                    过半有效期也重签（nextUpdate 见 CRL）。生产模式：管理员导入的 CA 的 CRL（PUT 本路径）。
                    / The current CRL of each issuing CA (X.509 v2, PEM, possibly several). Demo mode: signed by the
                    demo root (SM3withSM2), listing the certificates of compromised keys with reason keyCompromise and
                    invalidityDate = the compromise instant; signed again on every change and at half its validity
                    (see nextUpdate). Production: the CA's CRL an ADMIN uploaded (PUT on this path).""")
    @APIResponse(responseCode = "200", description = "PEM CRL")
    @APIResponse(responseCode = "406")
    public Response crl() {
        StringBuilder pem = new StringBuilder();
        for (byte[] der : crls.current()) {
            pem.append(Sm2Pki.pem("X509 CRL", der));
        }
        return Response.ok(pem.toString()).header(HttpHeaders.CACHE_CONTROL, "public, max-age=300").build();
    }

    @PUT
    @Path("crl")
    @RolesAllowed(Role.Names.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Consumes({ PKIX_CRL, PEM })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "导入 CA 的证书撤销列表 / Upload a CA's CRL",
            description = """
                    生产模式下外部 CA 的 CRL（DER 或 PEM）：须由已配置的根证书签发且签名有效，生效时间不晚于当前，\
                    编号比已保存的新；同一 CRL 重复提交不改变任何内容。此后所有副本的核验即按它判断撤销。仅管理员。
                    / An external CA's CRL (DER or PEM), production mode: it must be signed by a configured root,
                    not from the future, and newer (CRL number) than the stored one; the same CRL again changes
                    nothing. Every replica's verification judges revocation by it at once. ADMIN only.""")
    @APIResponse(responseCode = "200", description = "已导入 / stored")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "409")
    @APIResponse(responseCode = "415")
    @APIResponse(responseCode = "422")
    public DepartmentCertificates.CrlView uploadCrl(byte[] body) {
        return certificates.uploadCrl(body);
    }
}
