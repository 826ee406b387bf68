package org.certfree.proofs.proof;

/**
 * Why an issuing department revoked a proof. Modelled on RFC 5280 §5.3.1 reason codes, narrowed
 * to what applies to a department's statement of fact about a person or enterprise.
 */
public enum RevocationReason {
    /** Issued by mistake (wrong person, wrong matter) — 错误开具. */
    ISSUED_IN_ERROR("错误开具"),
    /** The underlying data changed after issuance (e.g. household moved) — 信息变更. */
    DATA_CHANGED("信息已变更"),
    /** The holder asked for it to be withdrawn — 本人申请撤回. */
    SUBJECT_REQUEST("持证人申请撤回"),
    /** Obtained by deception or other improper means — 以欺骗等不正当手段取得. */
    OBTAINED_IMPROPERLY("以不正当手段取得"),
    /** The department's signing key was compromised; a re-issue follows — 签名密钥泄露. */
    KEY_COMPROMISE("签名密钥失效"),
    /** A pledge document whose post-check found the pledge false — 不实承诺 (seed 四.(一)5); only for pledges. */
    FALSE_PLEDGE("不实承诺");

    private final String chinese;

    RevocationReason(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    public String uri() {
        return "urn:certfree:revocation-reason:" + name().toLowerCase().replace('_', '-');
    }
}
