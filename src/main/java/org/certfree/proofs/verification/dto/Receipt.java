package org.certfree.proofs.verification.dto;

import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A verification receipt: the receipt body and the issuing department's signature over the Merkle
 * root of the batch it was signed in. To check it (README, "Checking a verification receipt"):
 * leaf = SHA-256(0x00 ‖ base64url-decoded {@code payload}); fold {@code path} from {@code index}
 * up to the root as RFC 9162 §2.1.3.2 describes, for the tree size in the batch head; the result must
 * equal the head's {@code root}, and {@code batch} must verify with the department's SM2 key from
 * the JWKS, its {@code issuer} equal to the body's {@code issuerDept}.
 */
@Schema(name = "Receipt", description = "核验回执：回执内容及其所在批次由制发部门签名的默克尔根 / verification receipt: the "
        + "body and the issuing department's signature over the Merkle root (RFC 9162, SHA-256) of its batch")
public record Receipt(
        @Schema(description = "回执内容（RFC 8785 规范化 JSON）的 base64url / base64url of the receipt body, RFC 8785 canonical JSON")
        String payload,
        @Schema(description = "本回执在批次中的叶序号（从 0 起）/ leaf index of this receipt in its batch")
        int index,
        @Schema(description = "包含证明：从兄弟节点到根下一层的 SHA-256 哈希（十六进制）/ inclusion path (RFC 9162 §2.1.3), hex SHA-256 "
                + "hashes from the leaf's sibling upwards; empty for a batch of one")
        List<String> path,
        @Schema(description = "批次头：制发部门 SM2 密钥对 {typ, issuer, size, root, signedAt} 的紧凑 JWS / batch head: compact JWS "
                + "by the issuing department's SM2 key over {typ:\"certfree-receipt-batch\", issuer, size, root (hex), signedAt}")
        String batch) {

    public static String encode(byte[] body) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(body);
    }
}
