package org.certfree.proofs.common;

import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;

/** Validated paging parameters. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 20;

    /** The largest offset (page × size) a listing reads from. */
    public static final int MAX_OFFSET = 1_000_000_000;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw ApiException.badParameter("page", Messages.PAGE_INVALID);
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ApiException.badParameter("size", Messages.SIZE_INVALID.formatted(MAX_SIZE));
        }
        if ((long) p * s > MAX_OFFSET) { // an offset past an int would overflow into a negative OFFSET
            throw ApiException.badParameter("page", Messages.PAGE_TOO_FAR.formatted(MAX_OFFSET));
        }
        return new PageRequest(p, s);
    }

    public int offset() {
        return page * size;
    }
}
