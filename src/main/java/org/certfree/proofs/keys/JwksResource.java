package org.certfree.proofs.keys;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public trust list: every department's published verification keys as a JWK Set (RFC 7517 §5). */
@Path("/.well-known/jwks.json")
@Tag(name = "keys", description = "部门签名密钥 / Department signing keys")
public class JwksResource {

    /** RFC 7517 §8.5. */
    public static final String JWK_SET_JSON = "application/jwk-set+json";

    @Inject
    KeyDirectory keys;

    @Inject
    CertfreeConfig config;

    @GET
    @PermitAll
    @SecurityRequirements
    @Produces({ JWK_SET_JSON, MediaType.APPLICATION_JSON })
    @Operation(summary = "公开的核验公钥集（JWKS）/ Published verification keys (JWKS)",
            description = """
                    各部门用于核验的公钥：启用中、已停用（保留期内）和已泄露的密钥。离线核验只需此文件。\
                    每个 JWK 含 kid（RFC 7638 指纹）、alg（SM2SM3 或 EdDSA）、use=sig，以及：\
                    dept 部门编码；status 状态 active/retired/compromised；nbf 启用时间（NumericDate，仅供参考）；\
                    exp 仅泄露密钥有，为泄露时间（取整到秒）：受保护头 iat 不早于 exp 或没有 iat 的签名一律无效；\
                    published_until 停用/泄露密钥从本集合移除的时间；x5c 仅 SM2 密钥有：其证书链（RFC 7517 §4.7，\
                    base64 DER，部门证书在前，不含根证书；根证书见 /api/v1/pki/roots，撤销见 /api/v1/pki/crl）。\
                    SM2SM3 为 SM2 签名 + SM3 杂凑，\
                    用户标识 1234567812345678（GM/T 0009），签名值为 r||s 各 32 字节；JWK 为 kty=EC、crv=SM2。
                    / The departments' verification keys: active, retired (during retention) and compromised ones;
                    all an offline verifier needs. Each JWK has kid (RFC 7638 thumbprint), alg (SM2SM3 or EdDSA),
                    use=sig and: dept (department code); status (active / retired / compromised); nbf (NumericDate
                    the key became active, informational); exp, only on compromised keys: the compromise instant
                    rounded down to the second — reject every signature whose protected-header iat is at or after
                    exp, or that has no iat; published_until (retired / compromised keys leave the set then); x5c, on
                    SM2 keys only: the certificate chain (RFC 7517 §4.7, base64 DER, the department's certificate first,
                    without the root: roots at /api/v1/pki/roots, revocations at /api/v1/pki/crl).
                    SM2SM3 is SM2 signature with SM3, user ID 1234567812345678 (GM/T 0009), signature r||s 32 bytes
                    each; its JWK has kty=EC, crv=SM2.""")
    @APIResponse(responseCode = "200", description = "JWK Set")
    @APIResponse(responseCode = "304", description = "未变化 / not modified (If-None-Match)")
    @APIResponse(responseCode = "406")
    public Response jwks(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        KeyDirectory.JwkSet set = keys.jwkSet();
        String cache = "public, max-age=" + config.keys().jwksMaxAge().toSeconds();
        if (ifNoneMatch != null && ifNoneMatch.contains(set.etag())) {
            return Response.notModified().header(HttpHeaders.ETAG, set.etag()).header(HttpHeaders.CACHE_CONTROL, cache).build();
        }
        return Response.ok(set.body()).header(HttpHeaders.ETAG, set.etag()).header(HttpHeaders.CACHE_CONTROL, cache).build();
    }
}
