package org.certfree.proofs.catalog;

/**
 * Statutory time limit of issuing a retained proof. Source: seed 四.(一)6 "对可以立即实现部门在线开具核验的证明，
 * 即时向需求单位提供；对需要按法定程序办理的证明，在规定时间内依法获取证明信息后向需求单位提供".
 */
public enum TimeLimitKind {
    /** 即时开具 */
    IMMEDIATE,
    /** 法定程序办理，N 个工作日内开具 */
    WORKING_DAYS
}
