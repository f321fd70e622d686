package dev.o2c.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes A4 pages of plain text with PDFBox. Every string goes through {@link #safe}: it is drawn as glyphs, never read
 * as markup, so outside text (a customer's name or address) cannot change the layout or inject content; control
 * characters become spaces and characters the font lacks become '?'. The font is embedded (PDF/A requires it).
 */
final class PdfPages implements AutoCloseable {

    static final float LEFT = 56;
    static final float RIGHT = PDRectangle.A4.getWidth() - 56;
    private static final float TOP = PDRectangle.A4.getHeight() - 56;
    private static final float BOTTOM = 64;
    /** Liberation Sans ships inside PDFBox; it covers Latin, Greek and Cyrillic. */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final PDDocument document = new PDDocument();
    private final PDType0Font font;
    private final Map<Integer, Boolean> drawable = new HashMap<>();
    private final String footer;
    private PDPageContentStream content;
    private float y;

    PdfPages(String title, String language, String footer) {
        try (InputStream in = PdfPages.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("font " + FONT + " is missing from the class path");
            }
            font = PDType0Font.load(document, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(safe(title));
        document.getDocumentCatalog().setLanguage(language);
        this.footer = footer;
        newPage();
    }

    /** A line of text at the left margin. */
    PdfPages line(String text, float size) {
        ensureRoom(size);
        return at(LEFT, text, size, false).advance(size);
    }

    /** An empty line. */
    PdfPages gap(float size) {
        return advance(size);
    }

    /** Text wrapped at the right margin. */
    PdfPages paragraph(String text, float size) {
        for (String line : wrap(safe(text), size, RIGHT - LEFT)) {
            ensureRoom(size);
            at(LEFT, line, size, false).advance(size);
        }
        return this;
    }

    /**
     * One row of a table: cells at the given x positions; a negative x means right-aligned at -x. Cells too wide for
     * their column are cut by the caller.
     */
    PdfPages row(float size, float[] columns, String... cells) {
        ensureRoom(size);
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == null) {
                continue;
            }
            float x = columns[i];
            at(Math.abs(x), cells[i], size, x < 0);
        }
        return advance(size);
    }

    /** Fits text into the width, cutting with an ellipsis. */
    String fit(String text, float size, float width) {
        String safe = safe(text);
        if (width(safe, size) <= width) {
            return safe;
        }
        StringBuilder cut = new StringBuilder();
        for (int i = 0; i < safe.length(); ) {
            int cp = safe.codePointAt(i);
            if (width(cut + new String(Character.toChars(cp)) + "...", size) > width) {
                break;
            }
            cut.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return cut + "...";
    }

    byte[] toBytes() {
        try {
            finishPage();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What may be drawn: no control characters (they would break the line model), only glyphs the font has. */
    String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                out.append(' ');
            } else if (drawable.computeIfAbsent(cp, this::hasGlyph)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private boolean hasGlyph(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private PdfPages at(float x, String text, float size, boolean alignRight) {
        String safe = safe(text);
        try {
            float start = alignRight ? x - width(safe, size) : x;
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(start, y);
            content.showText(safe);
            content.endText();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PdfPages advance(float size) {
        y -= size * 1.45f;
        return this;
    }

    private void ensureRoom(float size) {
        if (y - size * 1.45f < BOTTOM) {
            finishPage();
            newPage();
        }
    }

    private float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> wrap(String text, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, size) <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private void newPage() {
        try {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = TOP;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void finishPage() {
        try {
            if (footer != null) {
                float saved = y;
                y = BOTTOM - 24;
                at(LEFT, footer, 8, false);
                y = saved;
            }
            content.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
