package org.certfree.proofs.ofd;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ofdrw.font.Font;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.Div;
import org.ofdrw.layout.element.Img;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.Position;
import org.ofdrw.layout.element.Span;
import org.ofdrw.layout.element.TextAlign;
import org.ofdrw.layout.element.canvas.Canvas;
import org.ofdrw.layout.element.canvas.FontSetting;

/**
 * One fixed-layout page as a list of items placed in millimetres from the top left (text lines, boxes, images),
 * written into an ofdrw {@link VirtualPage} once every text is known, so the font subset holds exactly the
 * characters printed. Lines are broken here, by the font's real widths, with the Chinese rule that a closing
 * punctuation mark never starts a line (ofdrw breaks anywhere).
 */
final class OfdPage {

    /** A4 in millimetres, the unit of OFD. */
    static final double WIDTH = 210;
    static final double HEIGHT = 297;

    static final int[] INK = { 0x1a, 0x1a, 0x1a };
    static final int[] MUTED = { 0x55, 0x55, 0x55 };
    static final int[] RULE = { 0x80, 0x80, 0x80 };
    static final int[] ALERT = { 0xb0, 0x1e, 0x1e };
    static final int[] LABEL_BG = { 0xf2, 0xf2, 0xf2 };

    /** Characters that never begin a line (避头): they stay with the character before them. */
    private static final String NO_LINE_START = "，。、；：？！）》」』】〕…—,.;:?!)%";

    enum Align { LEFT, CENTER, RIGHT }

    private sealed interface Item permits Text, Box, Image, Watermark {
    }

    private record Text(double x, double y, double width, String text, double size, boolean bold, int[] color,
            Align align) implements Item {
    }

    private record Box(double x, double y, double width, double height, double border, int[] borderColor,
            int[] fill) implements Item {
    }

    private record Image(double x, double y, double size, Path file) implements Item {
    }

    private record Watermark(String text) implements Item {
    }

    /** Watermark: size of its letters, distance between its rows, slope, colour and opacity. */
    private static final double MARK_SIZE = 6;
    private static final double MARK_ROW = 34;
    private static final double MARK_ANGLE = -30;
    private static final int[] MARK_COLOR = { 0xb0, 0x1e, 0x1e };
    private static final double MARK_ALPHA = 0.16;

    private final OfdFont font;
    private final List<Item> items = new ArrayList<>();
    private final StringBuilder allText = new StringBuilder();

    OfdPage(OfdFont font) {
        this.font = font;
    }

    /** One line of text whose top is at {@code y}; the text is taken as it is (no breaking). */
    void text(double x, double y, double width, String text, double size, boolean bold, int[] color, Align align) {
        String printable = font.printable(text);
        items.add(new Text(x, y, width, printable, size, bold, color, align));
        allText.append(printable);
    }

    /**
     * Text broken into lines of at most {@code width}; the first line starts at {@code x + firstIndent}, the others
     * at {@code x + indent}. Returns the y below the last line.
     */
    double paragraph(double x, double y, double width, String text, double size, double leading, boolean bold,
            int[] color, double firstIndent, double indent) {
        List<String> lines = breakLines(font.printable(text), size, width - firstIndent, width - indent);
        for (int i = 0; i < lines.size(); i++) {
            double offset = i == 0 ? firstIndent : indent;
            text(x + offset, y, width - offset, lines.get(i), size, bold, color, Align.LEFT);
            y += leading;
        }
        return y;
    }

    /** How many lines {@code text} takes at this width and size. */
    int lineCount(String text, double size, double width) {
        return breakLines(font.printable(text), size, width, width).size();
    }

    void box(double x, double y, double width, double height, double border, int[] borderColor, int[] fill) {
        items.add(new Box(x, y, width, height, border, borderColor, fill));
    }

    void image(double x, double y, double size, Path file) {
        items.add(new Image(x, y, size, file));
    }

    /**
     * {@code text} repeated in slanting rows over the whole page, translucent, drawn over everything placed before
     * it: it cannot be cut off or covered without changing the signed page.
     */
    void watermark(String text) {
        String printable = font.printable(text) + "　　";
        // each row long enough to cross the page's diagonal from wherever it starts
        double diagonal = Math.hypot(WIDTH, HEIGHT);
        int repeats = (int) Math.ceil(2 * diagonal / measure(printable, MARK_SIZE));
        items.add(new Watermark(printable.repeat(Math.max(1, repeats))));
        allText.append(printable);
    }

    /** Width of {@code text} in millimetres at {@code size}. */
    double measure(String text, double size) {
        double w = 0;
        for (int i = 0; i < text.length(); i++) {
            w += font.width(text.charAt(i)) * size;
        }
        return w;
    }

    List<String> breakLines(String text, double size, double firstWidth, double width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        double used = 0;
        double limit = firstWidth;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            double w = font.width(c) * size;
            if (used + w > limit && line.length() > 0) {
                if (NO_LINE_START.indexOf(c) >= 0 && line.length() > 1) {
                    char last = line.charAt(line.length() - 1);
                    line.setLength(line.length() - 1);
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(last);
                    used = font.width(last) * size;
                } else {
                    lines.add(line.toString());
                    line.setLength(0);
                    used = 0;
                }
                limit = width;
            }
            line.append(c);
            used += w;
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Writes the subset font into {@code dir} and the items into a new A4 virtual page. */
    VirtualPage render(Path dir) throws IOException {
        Font subset = font.subset(allText.toString(), dir);
        VirtualPage page = new VirtualPage(PageLayout.A4());
        for (Item item : items) {
            if (item instanceof Text t) {
                page.add(paragraph(t, subset));
            } else if (item instanceof Box b) {
                page.add(box(b));
            } else if (item instanceof Image i) {
                page.add(image(i));
            } else if (item instanceof Watermark w) {
                page.add(watermark(w, subset));
            }
        }
        return page;
    }

    private static Div<?> paragraph(Text t, Font subset) {
        Span span = new Span(subset, t.size(), t.text()).setBold(t.bold()).setColor(t.color());
        Paragraph p = new Paragraph().add(span);
        p.setLineSpace(0d);
        p.setTextAlign(switch (t.align()) {
            case LEFT -> TextAlign.left;
            case CENTER -> TextAlign.center;
            case RIGHT -> TextAlign.right;
        });
        // a little wider than the line, so that ofdrw's own breaking (by its rounding) never splits it again
        double slack = t.align() == Align.LEFT ? 2 : 0;
        p.setPosition(Position.Absolute);
        p.setX(t.x());
        p.setY(t.y());
        p.setWidth(t.width() + slack);
        p.setHeight(t.size() * 1.2);
        p.setPadding(0d);
        p.setMargin(0d);
        return p;
    }

    private static Div<?> box(Box b) {
        Div<?> div = new Div<>(b.x(), b.y(), b.width(), b.height());
        div.setPosition(Position.Absolute);
        if (b.border() > 0) {
            div.setBorder(b.border());
            div.setBorderColor(b.borderColor());
        }
        if (b.fill() != null) {
            div.setBackgroundColor(b.fill());
        }
        return div;
    }

    private static Div<?> watermark(Watermark w, Font subset) {
        Canvas canvas = new Canvas(0d, 0d, WIDTH, HEIGHT);
        canvas.setPosition(Position.Absolute);
        canvas.setDrawer(ctx -> {
            ctx.setFont(new FontSetting(MARK_SIZE, subset));
            ctx.setFillColor(MARK_COLOR);
            ctx.setGlobalAlpha(MARK_ALPHA);
            ctx.translate(WIDTH / 2, HEIGHT / 2);
            ctx.rotate(MARK_ANGLE);
            double half = Math.hypot(WIDTH, HEIGHT) / 2;
            int row = 0;
            for (double y = -half; y <= half; y += MARK_ROW, row++) {
                ctx.fillText(w.text(), -half - (row % 3) * MARK_ROW, y);
            }
        });
        return canvas;
    }

    private static Div<?> image(Image i) throws IOException {
        Img img = new Img(i.size(), i.size(), i.file());
        img.setPosition(Position.Absolute);
        img.setX(i.x());
        img.setY(i.y());
        return img;
    }
}
