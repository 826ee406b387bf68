package org.certfree.proofs.proof;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;

/**
 * Splits a byte stream into lines without holding more than one line: each line at most {@code maxLineBytes},
 * the whole stream at most {@code maxBytes} (counted here, since a chunked body declares no length).
 */
final class NdjsonLines {
    private final InputStream in;
    private final long maxBytes;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int limit;
    private long read;
    private byte[] line = new byte[1024];
    private int length;
    private int lineNumber;
    private boolean eof;

    NdjsonLines(InputStream in, int maxLineBytes, long maxBytes) {
        this.maxLineBytes = maxLineBytes;
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line (valid up to {@link #length()}, without its line break), or null at the end. */
    byte[] next() {
        if (eof && pos >= limit) {
            return null;
        }
        length = 0;
        while (true) {
            if (pos >= limit && !fill()) {
                if (length == 0) {
                    return null;
                }
                break;
            }
            byte b = buffer[pos++];
            if (b == '\n') {
                break;
            }
            if (length == maxLineBytes) {
                throw new ApiException(ProblemType.PAYLOAD_TOO_LARGE,
                        Messages.BULK_ISSUE_LINE_TOO_LONG.formatted(lineNumber + 1, maxLineBytes));
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
            }
            line[length++] = b;
        }
        lineNumber++;
        return line;
    }

    int length() {
        return length;
    }

    /** 1-based number of the line last returned. */
    int lineNumber() {
        return lineNumber;
    }

    private boolean fill() {
        if (eof) {
            return false;
        }
        try {
            int n = in.read(buffer);
            if (n < 0) {
                eof = true;
                return false;
            }
            read += n;
            if (read > maxBytes) {
                throw new ApiException(ProblemType.PAYLOAD_TOO_LARGE, Messages.BULK_ISSUE_BODY_TOO_LARGE.formatted(maxBytes));
            }
            pos = 0;
            limit = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
