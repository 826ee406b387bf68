package org.certfree.proofs.catalog;

/**
 * How a cancelled proof is replaced. Source: seed 二 and 四 "通过直接取消、告知承诺、数据共享和部门在线开具核验
 * 四种方式" plus the handling unit's own check (DESIGN.md, "four ways a proof stops being handed in").
 */
public enum ReplacementWay {
    /** 直接取消: nothing replaces it. */
    DIRECT_CANCELLATION,
    /** 数据共享: the handling unit reads shared data instead (the source must be named). */
    DATA_SHARING,
    /** 部门在线核验: the handling unit verifies online with the department holding the data. */
    ONLINE_VERIFICATION,
    /** 告知承诺: the applicant's written pledge replaces it. */
    NOTIFY_COMMIT,
    /** 部门自行核查: the handling unit checks by itself (on-site, own records). */
    IN_DEPARTMENT_CHECK
}
