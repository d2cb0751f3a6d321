package nexttoken.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nexttoken.cli.CliAccess;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handout as a reader gets it: the text a PDF reader extracts, the fonts, the paper. */
class HandoutTest {
    @TempDir
    static Path dir;

    static Path spanishTeacher;
    static Path englishLetter;
    static Path part2English;
    static Path part6Spanish;
    static Path part6English;
    static Path part7English;

    @BeforeAll
    static void writeHandouts() throws Exception {
        // Start the toolkit the way TestFX does before the export starts it its own way: UI tests
        // later in this JVM need TestFX's primary stage, and their robot's keys reach it only then.
        org.testfx.api.FxToolkit.registerPrimaryStage();
        spanishTeacher = dir.resolve("part3-docente.pdf");
        englishLetter = dir.resolve("part3-en.pdf");
        part2English = dir.resolve("out/part2-en.pdf");
        assertOk(CliAccess.runCapturing("export", "--lesson", "part3", "--handout", spanishTeacher.toString(), "--notes"));
        assertOk(CliAccess.runCapturing("export", "--lesson", "part3", "--language", "en", "--handout",
                englishLetter.toString(), "--paper", "letter"));
        assertOk(CliAccess.runCapturing("export", "--lesson", "part2-en", "--handout", part2English.toString()));
        part6Spanish = dir.resolve("part6.pdf");
        part6English = dir.resolve("part6-en.pdf");
        assertOk(CliAccess.runCapturing("export", "--lesson", "part6", "--handout", part6Spanish.toString(), "--notes"));
        assertOk(CliAccess.runCapturing("export", "--lesson", "part6-en", "--handout", part6English.toString()));
        part7English = dir.resolve("part7-en.pdf");
        assertOk(CliAccess.runCapturing("export", "--lesson", "part7-en", "--handout", part7English.toString()));
    }

    private static void assertOk(CliAccess.Result r) {
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
    }

    /** The text as one line: a worked line may wrap on the page, and a reader's search does not care. */
    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void part3InEnglishHasEveryNumberOfThePostAsText() throws IOException {
        String text = text(englishLetter);
        assertTrue(text.startsWith("Part 3 — vectors and embeddings"), text);
        assertTrue(text.contains("Settings: softmax · temperature T = 1.0 · top-k off · top-p off · seed 42"), text);
        assertTrue(text.contains("Prompt: \"the sky is\""), text);
        assertTrue(text.contains("x = [0.3, −0.6, 0.8, −0.1, 0.1, −0.1]"), text);
        assertTrue(text.contains("f1(0.3, −0.6, 0.8, −0.1, 0.1, −0.1) = 0.3 × 1.0 + (−0.6) × 0.5 + 0.8 × 1.5"
                + " + (−0.1) × 1.0 + 0.1 × 0.5 + (−0.1) × 1.5 = 1.0"), text);
        assertTrue(text.contains("f2(1.0) = (1.0 × 2.5, 1.0 × 0.7, 1.0 × 2.0, 1.0 × 0.2, 1.0 × 0.5) = (2.5, 0.7, 2.0, 0.2, 0.5)"), text);
        assertTrue(text.contains("softmax(2.5, 0.7, 2.0, 0.2, 0.5; T = 1.0) ≈ (0.4982, 0.08234, 0.3021, 0.04994, 0.06742)"), text);
        assertTrue(text.contains("Greedy decoding picks \"blue\" (49.8 %)"), text);
        assertFalse(text.contains("For the teacher"), "the students' copy has no notes");
    }

    @Test
    void theTeachersCopyInSpanishHasTheNotesAndDecimalCommas() throws IOException {
        String text = text(spanishTeacher);
        assertTrue(text.startsWith("Parte 3 — vectores y embeddings"), text);
        assertTrue(text.contains("f1(0,3; −0,6; 0,8; −0,1; 0,1; −0,1) = 0,3 × 1,0 + (−0,6) × 0,5 + 0,8 × 1,5"
                + " + (−0,1) × 1,0 + 0,1 × 0,5 + (−0,1) × 1,5 = 1,0"), text);
        assertTrue(text.contains("≈ (0,4982; 0,08234; 0,3021; 0,04994; 0,06742)"), text);
        assertTrue(text.contains("Para el docente"), text);
        assertTrue(text.contains("Pregunta antes de revelar: ¿qué número sale de f1?"), text);
        // The append step has no section of its own; its note still reaches the teacher.
        assertTrue(text.contains("x pasa a ser los embeddings de las tres últimas palabras"), text);
        assertTrue(text.contains("copia del docente"), text);
    }

    @Test
    void part2HasThePostsLineForF1AndTheExactNorm() throws IOException {
        String text = text(part2English);
        assertTrue(text.contains("f1(578, 350, 698) = 578 × 1.0 + 350 × 0.5 + 698 × 1.5 = 1800.0"), text);
        assertTrue(text.contains("= (4500.0, 1260.0, 3600.0, 360.0, 900.0)"), text);
        assertTrue(text.contains("900.0 / 10620.0"), text);
        assertTrue(text.contains("≈ (0.4237, 0.1186, 0.3390, 0.03390, 0.08475)"), text);
    }

    @Test
    void part6InEnglishHasTheAttentionMapAsATableAndEveryWorkedNumber() throws IOException {
        String text = text(part6English);
        assertTrue(text.startsWith("Part 6"), text);
        assertTrue(text.contains("x₂ = is + PE(2) = [0.1, −0.1] + [1.0, 0.0] = [1.1, −0.1]"), text);
        assertTrue(text.contains("Attention map of head 1"), text);
        // The map's rows as a reader finds them: the word looking, then a weight per word, masked cells, the sum.
        assertTrue(text.contains("looks ↓ at → the (0) sky (1) is (2) sum"), text);
        assertTrue(text.contains("the (0) 1.0 — — 1.0"), text);
        assertTrue(text.contains("sky (1) 0.1458 0.8542 — 1.0"), text);
        assertTrue(text.contains("is (2) 0.1156 0.5104 0.3740 1.0"), text);
        assertTrue(text.contains("s₂₁ = q₂ · k₁ / √2 = (2.2 × 1.3 + (−0.2) × (−0.1)) / 1.414 = 2.88 / 1.414 = 2.036"), text);
        assertTrue(text.contains("= 2.44 / 1.414"), text);
        assertTrue(text.contains("= 0.78 / 1.414"), text);
        assertTrue(text.contains("a₂ = softmax(s₂₀, s₂₁, s₂₂) = softmax(0.5515, 2.036, 1.725) = (0.1156, 0.5104, 0.3740)"), text);
        assertTrue(text.contains("r = x₂ + [−0.3156, 2.219]"), text);
        assertTrue(text.contains("logit(blue) = h · e(blue) = 0.7844 × (−0.2) + 2.119 × 0.9 = 1.750"), text);
        assertTrue(text.contains("Greedy decoding picks \"blue\" (49.1 %)"), text);
        assertTrue(text.contains("0.4911"), text);
    }

    @Test
    void part6InSpanishHasTheMapWithDecimalCommasAndTheNotes() throws IOException {
        String text = text(part6Spanish);
        assertTrue(text.contains("Mapa de atención de la cabeza 1"), text);
        assertTrue(text.contains("mira ↓ a → el (0) cielo (1) es (2) suma"), text);
        assertTrue(text.contains("es (2) 0,1156 0,5104 0,3740 1,0"), text);
        assertTrue(text.contains("2,88 / 1,414"), text);
        assertTrue(text.contains("Para el docente"), text);
    }

    @Test
    void part7PrintsEachHeadsQkvTableAtItsScreenSizeUnderItsOwnSection() throws IOException {
        List<Float> scales = new ArrayList<>();
        List<Integer> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(part7English.toFile())) {
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                for (float[] image : printedImages(doc.getPage(p))) {
                    // Points per CSS pixel of the panel: 0.75 is the size it has on a 96 dpi screen.
                    scales.add(image[0] / (image[1] / HandoutFigures.SCALE));
                    pages.add(p + 1);
                }
            }
            // tokens, positions, then for each of the two heads its q/k/v and its map (one head's before), then
            // the heads, the feed-forward step, the scatter, the logits and the distribution.
            assertEquals(11, scales.size(), pages.toString());
            // q/k/v (figures 3 and 5) print their table alone at its size on screen: the whole panel, a
            // 1440 px row, printed at the page's width had 0.34 pt a pixel, a 16 px number 5 pt high.
            assertEquals(0.75f, scales.get(2), 0.001f, scales.toString());
            assertEquals(0.75f, scales.get(4), 0.001f, scales.toString());
            String text = text(part7English);
            int head1 = text.indexOf("Attention head 1 of 2");
            int head2 = text.indexOf("Attention head 2 of 2");
            assertTrue(head1 >= 0 && head2 > head1, text);
            assertTrue(text.indexOf("Attention map of head 2") > head2, "head 2's map table comes under its section");
        }
    }

    /** Each image drawn on the page: its printed width in points and its width in pixels. */
    private static List<float[]> printedImages(PDPage page) throws IOException {
        List<float[]> out = new ArrayList<>();
        org.apache.pdfbox.contentstream.PDFStreamEngine engine = new org.apache.pdfbox.contentstream.PDFStreamEngine() {
            {
                addOperator(new org.apache.pdfbox.contentstream.operator.state.Concatenate(this));
                addOperator(new org.apache.pdfbox.contentstream.operator.DrawObject(this));
                addOperator(new org.apache.pdfbox.contentstream.operator.state.Save(this));
                addOperator(new org.apache.pdfbox.contentstream.operator.state.Restore(this));
                addOperator(new org.apache.pdfbox.contentstream.operator.state.SetMatrix(this));
            }

            @Override
            protected void processOperator(org.apache.pdfbox.contentstream.operator.Operator operator,
                    List<org.apache.pdfbox.cos.COSBase> operands) throws IOException {
                if ("Do".equals(operator.getName())) {
                    var name = (org.apache.pdfbox.cos.COSName) operands.get(0);
                    if (getResources().getXObject(name)
                            instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image) {
                        out.add(new float[] {getGraphicsState().getCurrentTransformationMatrix().getScalingFactorX(),
                                image.getWidth()});
                    }
                    return;
                }
                super.processOperator(operator, operands);
            }
        };
        engine.processPage(page);
        return out;
    }

    @Test
    void fontsAreEmbeddedAndThePaperIsTheOneAskedFor() throws IOException {
        try (PDDocument letter = Loader.loadPDF(englishLetter.toFile());
                PDDocument a4 = Loader.loadPDF(spanishTeacher.toFile())) {
            assertEquals(612f, letter.getPage(0).getMediaBox().getWidth(), 0.01f);
            assertEquals(792f, letter.getPage(0).getMediaBox().getHeight(), 0.01f);
            assertEquals(595.28f, a4.getPage(0).getMediaBox().getWidth(), 0.01f);
            assertEquals(841.89f, a4.getPage(0).getMediaBox().getHeight(), 0.01f);
            List<PDFont> fonts = new ArrayList<>();
            int images = 0;
            for (PDPage page : a4.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
                for (var name : page.getResources().getXObjectNames()) {
                    images += page.getResources().isImageXObject(name) ? 1 : 0;
                }
            }
            assertFalse(fonts.isEmpty());
            for (PDFont font : fonts) {
                assertTrue(font.isEmbedded(), font.getName());
                assertTrue(font.getName().contains("DejaVuSans"), font.getName());
            }
            // tokens, embeddings, f1, logits, distribution: one figure per panel of part 3.
            assertEquals(5, images);
        }
    }

    @Test
    void aHandoutThatCannotBeWrittenIsOneErrorLineAndLeavesNothing() throws IOException {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "x");
        CliAccess.Result r = CliAccess.runCapturing("export", "--lesson", "part1", "--handout",
                blocker.resolve("h.pdf").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("error: " + blocker.resolve("h.pdf") + ": cannot write the file"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void badOptionsAreRefusedBeforeAnythingIsRendered() {
        CliAccess.Result paper = CliAccess.runCapturing("export", "--handout", dir.resolve("x.pdf").toString(), "--paper", "a5");
        assertEquals(2, paper.status());
        assertTrue(paper.err().contains("--paper is \"a5\", expected one of: a4, letter"), paper.err());
        CliAccess.Result both = CliAccess.runCapturing("export", "--out", dir.toString(), "--handout", dir.resolve("x.pdf").toString());
        assertEquals(2, both.status());
        assertTrue(both.err().startsWith("error: give --out DIR (PNGs) or --handout FILE.pdf, not both"), both.err());
        CliAccess.Result neither = CliAccess.runCapturing("export", "--lesson", "part2");
        assertEquals(2, neither.status());
        assertTrue(neither.err().startsWith("error: --out is missing (or --handout FILE.pdf for a handout)"), neither.err());
        CliAccess.Result notes = CliAccess.runCapturing("export", "--out", dir.toString(), "--notes");
        assertEquals(2, notes.status());
        assertFalse(Files.exists(dir.resolve("x.pdf")));
    }
}
