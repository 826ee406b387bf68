package org.certfree.proofs.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;

/**
 * Substring search over a {@code search_text} column with a {@code search_grams} GIN index (see
 * V3__text_search.sql). The query text is split on white space; every term must occur. Each term is
 * narrowed through the gram index and then rechecked as a real substring.
 */
public final class TextSearch {

    public static final int MAX_LENGTH = 100;
    public static final int MAX_TERMS = 5;

    private final List<String> terms;

    private TextSearch(List<String> terms) {
        this.terms = terms;
    }

    /** Parses {@code q} (null or blank = no text condition); 400 when too long or too many terms. */
    public static TextSearch of(String q) {
        if (q == null || q.isBlank()) {
            return new TextSearch(List.of());
        }
        if (q.length() > MAX_LENGTH) {
            throw ApiException.badParameter("q", Messages.SEARCH_TOO_LONG.formatted(MAX_LENGTH));
        }
        List<String> terms = Arrays.stream(q.trim().split("[\\s\\u3000]+")).filter(t -> !t.isEmpty()).distinct().toList();
        if (terms.size() > MAX_TERMS) {
            throw ApiException.badParameter("q", Messages.SEARCH_TOO_MANY_TERMS.formatted(MAX_TERMS));
        }
        return new TextSearch(terms);
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    public List<String> terms() {
        return terms;
    }

    /**
     * Makes the current transaction plan every statement for its actual parameters. A cached generic
     * plan cannot see how common a term's grams are and may bitmap-scan and sort every match of a term
     * like "证明" (hundreds of milliseconds) where the custom plan walks the code index (under one).
     */
    public static void planForActualTerms(jakarta.persistence.EntityManager em) {
        em.createNativeQuery("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)").getSingleResult();
    }

    /**
     * Appends one SQL condition per term on the table aliased {@code alias} and binds its parameter
     * into {@code params} (named {@code q0}, {@code q1} …).
     */
    public void appendConditions(String alias, List<String> where, Map<String, Object> params) {
        List<String> own = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            String p = "q" + i;
            String term = terms.get(i);
            // a term of one or two characters is its own gram: containment is exact, no recheck needed
            own.add(alias + ".search_grams @> text_query_grams(:" + p + ")"
                    + (term.codePointCount(0, term.length()) <= 2 ? ""
                            : " AND strpos(lower(" + alias + ".search_text), lower(:" + p + ")) > 0"));
            params.put(p, term);
        }
        where.addAll(own);
    }
}
