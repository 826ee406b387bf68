package org.certfree.proofs.catalog;

/**
 * How a notify-and-commit pledge is checked afterwards. Source: seed 三.(一) "对能够通过事中事后监管纠正且风险可控
 * 的事项以及通过其他方式核查的事项，大力推行告知承诺" and 四.(一)6 "实地调查核验"; issue #14 协查.
 */
public enum CheckMethod {
    /** 数据共享核查 */
    DATA_SHARING,
    /** 部门在线核验 */
    ONLINE_VERIFICATION,
    /** 实地核查 */
    ON_SITE_INSPECTION,
    /** 函询核查（向有关单位发函） */
    WRITTEN_INQUIRY,
    /** 随机抽查 (the share drawn: the template's {@code sampleRatioPercent}) */
    RANDOM_SAMPLING,
    /** 部门协查: another department ({@code assistingDepartment}) checks and the matter's department reviews */
    ASSISTED;

    /** 中文名称. */
    public String chinese() {
        return switch (this) {
            case DATA_SHARING -> "数据共享核查";
            case ONLINE_VERIFICATION -> "部门在线核验";
            case ON_SITE_INSPECTION -> "实地核查";
            case WRITTEN_INQUIRY -> "函询核查";
            case RANDOM_SAMPLING -> "随机抽查";
            case ASSISTED -> "部门协查";
        };
    }
}
