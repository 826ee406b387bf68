package org.certfree.proofs.catalog;

/** Where a retained proof is issued (seed 三.(三), 四.(一)6 "部门在线开具核验"). */
public enum IssuanceChannel {
    /** 线上开具（证明在线开具核验系统） */
    ONLINE,
    /** 窗口开具 */
    WINDOW,
    /** 线上、窗口均可 */
    ONLINE_AND_WINDOW
}
