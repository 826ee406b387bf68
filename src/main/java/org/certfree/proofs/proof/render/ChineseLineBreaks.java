package org.certfree.proofs.proof.render;

import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/**
 * Line breaking for Chinese text in OpenPDF: a line may break between any two Han characters, but closing
 * punctuation never starts a line and opening punctuation never ends one (the 避头尾 rule of Chinese typesetting,
 * cf. W3C "Requirements for Chinese Text Layout" §3.1.7). Runs of Latin letters, digits and symbols (proof numbers,
 * URLs, key ids) break only at spaces, so a number or an address is never cut in half on paper.
 */
final class ChineseLineBreaks extends DefaultSplitCharacter {

    static final ChineseLineBreaks INSTANCE = new ChineseLineBreaks();

    /** Must not begin a line. */
    private static final String NO_LINE_START = "，。、；：？！）】》〉」』〕”’…—·％,.;:?!)]}%";

    /** Must not end a line. */
    private static final String NO_LINE_END = "（【《〈「『〔“‘([{";

    private ChineseLineBreaks() {
    }

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        char c = getCurrentCharacter(current, cc, ck);
        char next = current + 1 < end ? getCurrentCharacter(current + 1, cc, ck) : ' ';
        if (NO_LINE_START.indexOf(next) >= 0 || NO_LINE_END.indexOf(c) >= 0) {
            return false;
        }
        if (c <= ' ') {
            return true;
        }
        // After a wide character (Han, kana, full-width punctuation) or before one, a break is allowed.
        return isWide(c) || isWide(next);
    }

    private static boolean isWide(char c) {
        return (c >= 0x2e80 && c < 0xd7a0) || (c >= 0xf900 && c < 0xfb00) || (c >= 0xfe30 && c < 0xfe50)
                || (c >= 0xff00 && c < 0xffa0);
    }
}
