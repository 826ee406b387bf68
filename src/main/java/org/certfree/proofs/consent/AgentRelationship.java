package org.certfree.proofs.consent;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The agent's relationship to the holder, as the authorisation form states it; the near relatives
 * of 《民法典》 第一千零四十五条 plus a guardian (第二十七、二十八条). Stable API values.
 */
@Schema(description = "SPOUSE 配偶, PARENT 父母, CHILD 子女, SIBLING 兄弟姐妹, GRANDPARENT 祖父母、外祖父母, GRANDCHILD 孙子女、外孙子女, GUARDIAN 监护人, OTHER_RELATIVE 其他亲属 / the agent's relationship to the holder")
public enum AgentRelationship {
    SPOUSE("配偶"),
    PARENT("父母"),
    CHILD("子女"),
    SIBLING("兄弟姐妹"),
    GRANDPARENT("祖父母、外祖父母"),
    GRANDCHILD("孙子女、外孙子女"),
    GUARDIAN("监护人"),
    OTHER_RELATIVE("其他亲属");

    private final String chinese;

    AgentRelationship(String chinese) {
        this.chinese = chinese;
    }

    /** The label the holder reads. */
    public String chinese() {
        return chinese;
    }
}
