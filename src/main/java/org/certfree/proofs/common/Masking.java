package org.certfree.proofs.common;

/** Masks what responses show of a person when the caller is not entitled to the full value. */
public final class Masking {

    private Masking() {
    }

    /** "张三" → "张*", "欧阳娜娜" → "欧***": the family name's first character stays. */
    public static String personName(String name) {
        if (name == null || name.isEmpty()) {
            return "*";
        }
        int first = name.offsetByCodePoints(0, 1);
        int rest = name.codePointCount(first, name.length());
        return name.substring(0, first) + "*".repeat(Math.max(1, rest));
    }

    /** "91350100M000100Y43" → "913501**********43". */
    public static String uscc(String uscc) {
        if (uscc == null || uscc.length() < 8) {
            return "****";
        }
        return uscc.substring(0, 6) + "*".repeat(uscc.length() - 8) + uscc.substring(uscc.length() - 2);
    }
}
