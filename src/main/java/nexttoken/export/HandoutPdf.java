package nexttoken.export;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nexttoken.model.Lesson;
import nexttoken.report.ReportSink;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Lays a worked example out as a printed page: a {@link ReportSink} that draws with
 * PDFBox. Text is set in an embedded TrueType font (DejaVu Sans), so every "×", "−" and
 * accent prints and a reader can search and copy the numbers. No JavaFX here: the figures
 * arrive as images, made by {@link HandoutFigures}.
 */
final class HandoutPdf implements ReportSink {
    static final Path FONT_DIR = Path.of("/usr/share/fonts/truetype/dejavu");
    static final String REGULAR = "DejaVuSans.ttf";
    static final String BOLD = "DejaVuSans-Bold.ttf";

    private static final float MARGIN = 56; // 2 cm: a ring binder's holes stay clear of the text
    private static final float BODY = 10.5f;
    private static final float SECTION = 14;
    private static final float TITLE = 20;
    private static final float LEADING = 1.35f;
    private static final float EQUATION_INDENT = 16;
    private static final float GREY = 0.35f;

    private final PDDocument doc = new PDDocument();
    private final PDRectangle paper;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final Map<String, List<BufferedImage>> figures;
    /** How many sections of each step id have been set: the n-th takes the n-th head's figures. */
    private final Map<String, Integer> sectionsSet = new HashMap<>();
    private final Map<String, java.util.Deque<Table>> tables = new HashMap<>();
    private final Map<String, String> notes;
    private final String noteLabel;
    private final String footer;
    private final String settings;
    private final Map<PDType0Font, Map<Integer, Boolean>> printable = new HashMap<>();

    private PDPageContentStream page;
    private int pageNumber;
    private float y;

    /**
     * @param figures the pictures of each section, placed under its heading ({@link HandoutFigures#key})
     * @param notes   the teacher's notes per step id, or empty for the students' copy
     * @param settings the decoding settings, printed under the title
     */
    HandoutPdf(PDRectangle paper, Map<String, List<BufferedImage>> figures, Map<String, String> notes, String noteLabel,
            String footer, String settings) throws IOException {
        this.settings = settings;
        this.paper = paper;
        this.figures = figures;
        this.notes = new LinkedHashMap<>(notes);
        this.noteLabel = noteLabel;
        this.footer = footer;
        this.regular = PDType0Font.load(doc, fontFile(REGULAR).toFile());
        this.bold = PDType0Font.load(doc, fontFile(BOLD).toFile());
    }

    /**
     * A table of numbers the report's text leaves to a figure (the attention map's weights): set under
     * the next section of its step, after the figure, as text a reader can search.
     */
    record Table(String caption, List<String> header, List<List<String>> rows) {
    }

    /** Tables for the sections of {@code stepId}, one per section in the order they come (a head each). */
    void addTables(String stepId, List<Table> list) {
        tables.computeIfAbsent(stepId, k -> new java.util.ArrayDeque<>()).addAll(list);
    }

    /** The font's file, or an IOException naming where it was looked for. */
    static Path fontFile(String name) throws IOException {
        Path file = FONT_DIR.resolve(name);
        if (!Files.isReadable(file)) {
            throw new IOException("font " + file + " not found (Debian package fonts-dejavu-core)");
        }
        return file;
    }

    @Override
    public boolean typeset() {
        return true;
    }

    @Override
    public void heading(String text) {
        newPage();
        lines(text, bold, TITLE, 0, 0);
        y -= BODY * 0.3f;
        lines(settings, regular, BODY, 0, 0);
        rule(y - BODY * 0.3f, paper.getWidth() - MARGIN);
        y -= BODY * 1.2f;
    }

    @Override
    public void section(String stepId, String title) {
        // A step with several sections (one per attention head) shows each head's panels under its own section.
        int number = sectionsSet.merge(stepId, 1, Integer::sum);
        List<BufferedImage> shown = figures.getOrDefault(HandoutFigures.key(stepId, number), List.of());
        BufferedImage figure = shown.isEmpty() ? null : shown.get(0);
        String note = notes.remove(stepId);
        // Keep a heading with its note and its figure (or a few lines of text): never alone at the foot of a page.
        float needed = SECTION * 3 + (note == null ? 0 : noteHeight(note))
                + (figure == null ? BODY * 4 : figureHeight(figure));
        if (y - needed < MARGIN) {
            newPage();
        } else {
            y -= SECTION * 0.8f;
        }
        lines(title, bold, SECTION, 0, 0);
        y -= BODY * 0.3f;
        if (note != null) {
            note(note);
        }
        for (BufferedImage picture : shown) {
            figure(picture);
        }
        java.util.Deque<Table> queued = tables.get(stepId);
        Table table = queued == null ? null : queued.poll();
        if (table != null) {
            paragraph(table.caption());
            table(table.header(), table.rows());
        }
    }

    @Override
    public void paragraph(String text) {
        lines(text, regular, BODY, 0, 0);
        y -= BODY * 0.5f;
    }

    @Override
    public void equation(String text) {
        // A worked line is read in one go: it moves to the next page whole rather than split.
        float height = wrap(printable(regular, text), regular, BODY, contentWidth() - EQUATION_INDENT).size() * BODY * LEADING;
        if (y - height < MARGIN && height < paper.getHeight() / 2) {
            newPage();
        }
        lines(text, regular, BODY, EQUATION_INDENT, EQUATION_INDENT);
        y -= BODY * 0.5f;
    }

    @Override
    public void table(List<String> header, List<List<String>> rows) {
        float size = BODY;
        float[] widths = columnWidths(header, rows, size);
        float total = sum(widths);
        if (total > contentWidth()) {
            // A wide table is set smaller rather than cut: every number stays on the page.
            size = size * contentWidth() / total;
            widths = columnWidths(header, rows, size);
        }
        float rowHeight = size * LEADING + 2;
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (int r = 0; r < all.size(); r++) {
            if (y - rowHeight < MARGIN) {
                newPage();
            }
            float x = MARGIN;
            for (int c = 0; c < all.get(r).size(); c++) {
                text(all.get(r).get(c), r == 0 ? bold : regular, size, x, y - size);
                x += widths[c];
            }
            y -= rowHeight;
            if (r == 0) {
                rule(y + 1.5f, MARGIN + sum(widths));
            }
        }
        y -= BODY * 0.6f;
    }

    /** The PDF's bytes, after the notes no section took (the append step's) are added at the end. */
    byte[] finish(Lesson lesson) throws IOException {
        for (String note : notes.values()) {
            note(note);
        }
        notes.clear();
        closePage();
        PDDocumentInformation info = doc.getDocumentInformation();
        if (lesson.title() != null) {
            info.setTitle(lesson.title());
        }
        info.setCreator("NextToken");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        doc.close();
        return out.toByteArray();
    }

    /** Frees the document when the handout is abandoned half way. */
    void discard() {
        try {
            if (page != null) {
                page.close();
            }
            doc.close();
        } catch (IOException ignored) {
            // Nothing was written anywhere; there is nothing left to clean up.
        }
    }

    // ---- layout ---------------------------------------------------------------------------

    private void note(String note) {
        float indent = 10;
        float top = y;
        y -= 4;
        lines(noteLabel, bold, BODY - 1, indent, indent);
        lines(note, regular, BODY - 0.5f, indent, indent);
        y -= 4;
        // A bar down the left marks the teacher's words apart from what the students read.
        try {
            page.setNonStrokingColor(0.55f, 0.55f, 0.55f);
            page.addRect(MARGIN, y, 2.5f, Math.max(0, top - y));
            page.fill();
            page.setNonStrokingColor(0f, 0f, 0f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= BODY * 0.5f;
    }

    private float noteHeight(String note) {
        float width = contentWidth() - 10;
        return 8 + BODY * 0.5f + (BODY - 1) * LEADING
                + wrap(printable(regular, note), regular, BODY - 0.5f, width).size() * (BODY - 0.5f) * LEADING;
    }

    private float figureHeight(BufferedImage image) {
        float width = Math.min(contentWidth(), image.getWidth() * 0.75f / HandoutFigures.SCALE);
        float height = width * image.getHeight() / image.getWidth();
        float maxHeight = (paper.getHeight() - 2 * MARGIN) * 0.45f;
        return Math.min(height, maxHeight);
    }

    private void figure(BufferedImage image) {
        float height = figureHeight(image);
        float width = height * image.getWidth() / image.getHeight();
        if (y - height < MARGIN) {
            newPage();
        }
        try {
            PDImageXObject picture = LosslessFactory.createFromImage(doc, image);
            page.drawImage(picture, MARGIN, y - height, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= height + BODY;
    }

    /** Text wrapped to the page, a new page when it runs out. */
    private void lines(String text, PDType0Font font, float size, float firstIndent, float indent) {
        for (String paragraph : printable(font, text).split("\n")) {
            boolean first = true;
            for (String line : wrap(paragraph, font, size, contentWidth() - indent)) {
                float lineHeight = size * LEADING;
                if (y - lineHeight < MARGIN) {
                    newPage();
                }
                text(line, font, size, MARGIN + (first ? firstIndent : indent), y - size);
                y -= lineHeight;
                first = false;
            }
        }
    }

    private List<String> wrap(String paragraph, PDType0Font font, float size, float width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ", -1)) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, font, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                out.add(line.toString());
                line.setLength(0);
            }
            // A word wider than the page (a long token) is broken where it must be.
            String rest = word;
            while (width(rest, font, size) > width && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(rest.substring(0, cut), font, size) > width) {
                    cut--;
                }
                out.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        out.add(line.toString());
        return out;
    }

    private float[] columnWidths(List<String> header, List<List<String>> rows, float size) {
        float[] widths = new float[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = width(header.get(c), bold, size);
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], width(row.get(c), regular, size));
            }
            widths[c] += size * 1.6f;
        }
        return widths;
    }

    private static float sum(float[] values) {
        float total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }

    private float width(String text, PDType0Font font, float size) {
        try {
            return font.getStringWidth(printable(font, text)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text with what the font cannot draw replaced: a lesson's tokens may be in any
     * script, and one missing glyph must not lose the whole handout.
     */
    private String printable(PDType0Font font, String text) {
        Map<Integer, Boolean> known = printable.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (known.computeIfAbsent(cp, c -> canDraw(font, c))) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static boolean canDraw(PDType0Font font, int codePoint) {
        try {
            // encode refuses a character the font has no glyph for; hasGlyph would want a glyph code, not a character.
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private float contentWidth() {
        return paper.getWidth() - 2 * MARGIN;
    }

    private void text(String text, PDType0Font font, float size, float x, float baseline) {
        try {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, baseline);
            page.showText(printable(font, text));
            page.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rule(float at, float right) {
        try {
            page.setStrokingColor(GREY, GREY, GREY);
            page.setLineWidth(0.5f);
            page.moveTo(MARGIN, at);
            page.lineTo(right, at);
            page.stroke();
            page.setStrokingColor(0f, 0f, 0f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void newPage() {
        closePage();
        PDPage next = new PDPage(paper);
        doc.addPage(next);
        pageNumber++;
        try {
            page = new PDPageContentStream(doc, next);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = paper.getHeight() - MARGIN;
    }

    /** The footer goes last, so a reader's text extraction meets it after the page's text, not before. */
    private void closePage() {
        if (page == null) {
            return;
        }
        try {
            page.setNonStrokingColor(GREY, GREY, GREY);
            text(footer + " · " + pageNumber, regular, 8, MARGIN, MARGIN / 2);
            page.setNonStrokingColor(0f, 0f, 0f);
            page.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page = null;
    }
}
