package org.certfree.proofs.catalog;

/**
 * Using scenarios: the life stages and business cycle in which service matters ask for a proof.
 * Source: seed 二 "围绕个人出生、教育、工作、养老、就医等各阶段和企业开办、经营、投资、退出等全周期，以及合同订立、
 * 人员招聘、交通出行、文化旅游等社会生活各场景", 二.(一) "出生、入学、住房、退休等领域" and 三.(一) "户籍管理、市场主体准营".
 */
public enum Scenario {
    /** 出生 */
    BIRTH("出生"),
    /** 入学 */
    SCHOOL_ENROLMENT("入学"),
    /** 教育 */
    EDUCATION("教育"),
    /** 就业（工作） */
    EMPLOYMENT("就业"),
    /** 住房 */
    HOUSING("住房"),
    /** 户籍管理 */
    HOUSEHOLD_REGISTRATION("户籍"),
    /** 婚姻家庭 */
    MARRIAGE_FAMILY("婚姻家庭"),
    /** 社会救助 */
    SOCIAL_ASSISTANCE("社会救助"),
    /** 就医 */
    MEDICAL_CARE("就医"),
    /** 退休 */
    RETIREMENT("退休"),
    /** 养老 */
    ELDERLY_CARE("养老"),
    /** 企业开办 */
    BUSINESS_STARTUP("企业开办"),
    /** 经营（市场主体准营） */
    BUSINESS_OPERATION("经营"),
    /** 投资 */
    INVESTMENT("投资"),
    /** 企业退出 */
    BUSINESS_EXIT("企业退出"),
    /** 合同订立 */
    CONTRACT("合同订立"),
    /** 人员招聘 */
    RECRUITMENT("人员招聘"),
    /** 交通出行 */
    TRANSPORT("交通出行"),
    /** 文化旅游 */
    CULTURE_TOURISM("文化旅游");

    private final String label;

    Scenario(String label) {
        this.label = label;
    }

    /** Chinese name of the scenario. */
    public String label() {
        return label;
    }
}
