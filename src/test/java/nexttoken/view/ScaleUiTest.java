package nexttoken.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import nexttoken.app.NextTokenApp;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.lesson.GeneratedLessons;
import nexttoken.model.Lesson;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A real tokenizer's vocabulary in the app: readable charts, a search that finds, and the tokenizer view. */
@ExtendWith(ApplicationExtension.class)
class ScaleUiTest {
    private Presenter presenter;
    private MainWindow view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        presenter = new Presenter(BuiltInLessons.load("part2"), "part2", Locale.ENGLISH);
        view = new MainWindow(presenter);
        stage.setScene(NextTokenApp.createScene(view));
        stage.setWidth(1920);
        stage.setHeight(1080);
        stage.show();
    }

    @Test
    void theTokenizerViewCutsTheSentenceAsRealModelsDo(FxRobot robot) {
        robot.clickOn("#tokenizer-mode");
        WaitForAsyncUtils.waitForFxEvents();
        TokenizerView t = view.tokenizer();
        assertEquals(List.of("el 578", "cielo 350", "es 698"), t.pieces("toy"));
        assertEquals(List.of("el 301", "▁ci 12088", "elo 20782", "▁es 1560"), t.pieces("cl100k"));
        assertEquals(3, t.pieces("o200k").size());
        robot.interact(() -> t.setSentence("el cielo es rojo"));
        assertEquals("rojo —", t.pieces("toy").get(3), "a word the lesson does not know has no toy id");
    }

    @Test
    void aHundredThousandTokenLessonShowsTheTopTokensAndTheTail(FxRobot robot) {
        Lesson big = GeneratedLessons.cl100k(Locale.ENGLISH);
        assertTrue(big.vocabulary().size() > 100_000, "cl100k has " + big.vocabulary().size() + " tokens");
        assertEquals(List.of("The", "▁sky", "▁is"), big.prompt());
        robot.interact(() -> {
            presenter.load(big, GeneratedLessons.CL100K_ID);
            presenter.setRevealAll(true);
            presenter.goTo(Step.FILTER);
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (BarsPane bars : List.of(view.logits().bars(), view.distribution().bars())) {
            List<javafx.scene.control.Label> shown = bars.getChildrenUnmodifiable().stream()
                    .filter(n -> n instanceof javafx.scene.control.Label && n.isVisible())
                    .map(n -> (javafx.scene.control.Label) n).filter(l -> !l.getText().isEmpty()).toList();
            long count = shown.stream().filter(l -> l.getStyleClass().contains("bar-label")).count();
            assertTrue(count >= 1 && count <= 17, count + " bars: the top of 100,256, as many as can be read");
            // Read from the back of the room: no value, token or marker is cut to "…" on screen.
            for (javafx.scene.control.Label l : shown) {
                javafx.scene.text.Text drawn = (javafx.scene.text.Text) l.lookup(".text");
                assertEquals(l.getText(), drawn.getText(), "a label cut short on screen");
            }
        }
        assertTrue(view.distribution().noteText().contains("other tokens"), view.distribution().noteText());
        // Counts this size are read with the language's digit grouping, from the model's own sizes.
        String size = nexttoken.model.NumberText.count(big.vocabulary().size(), Locale.ENGLISH);
        assertTrue(size.matches("\\d{3},\\d{3}"), size);
        assertTrue(view.logits().tailText().matches("The \\d+ largest of " + size + " logits\\."), view.logits().tailText());
        assertTrue(view.distribution().noteText().matches("(?s).*\\b\\d{3},\\d{3} other tokens: .*"), view.distribution().noteText());
        TableView<?> table = (TableView<?>) view.tokens().lookup(".token-table");
        assertEquals(big.vocabulary().size(), table.getItems().size());
        assertTrue(view.tokens().lookupAll(".table-row-cell").size() < 100, "the table is virtualized");
    }

    @Test
    void aSliderMoveThatOnlyChangesTheSampledTokenRedrawsItsMarkNotTheHundredThousandPoints(FxRobot robot) {
        Lesson big = GeneratedLessons.cl100k(Locale.ENGLISH);
        robot.interact(() -> {
            presenter.load(big, GeneratedLessons.CL100K_ID);
            presenter.setRevealAll(true);
            presenter.goTo(Step.SAMPLE);
        });
        WaitForAsyncUtils.waitForFxEvents();
        ChartCanvas chart = (ChartCanvas) view.scatter().lookup(".chart-canvas");
        int first = presenter.getSampledIndex();
        assertTrue(first >= 0, "the sample step has drawn a token");
        assertEquals(List.of(big.vocabulary().token(first) + " ★"), starred(chart));
        int drawings = chart.drawings();
        // Hotter and hotter until the draw lands on another token, as a class dragging the slider sees.
        double temperature = presenter.getLesson().temperature();
        for (int k = 0; k < 40 && presenter.getSampledIndex() == first; k++) {
            double t = temperature + 0.25 * (k + 1);
            robot.interact(() -> presenter.setTemperature(t));
            WaitForAsyncUtils.waitForFxEvents();
        }
        int now = presenter.getSampledIndex();
        assertTrue(now >= 0 && now != first, "a hotter softmax drew another token");
        assertEquals(List.of(big.vocabulary().token(now) + " ★"), starred(chart), "the star moved with the draw");
        assertEquals(drawings, chart.drawings(), "the 100,000 points were not drawn again for a new sample");
        robot.interact(() -> presenter.highlight(big.vocabulary().token(now)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(big.vocabulary().token(now) + " ★"), starred(chart), "highlighted, the chart labels it once");
        assertTrue(chart.drawings() > drawings, "a highlight is the chart's own mark");
    }

    /** The starred names on the chart, drawn on its canvas or shown as a node over it. */
    private static List<String> starred(ChartCanvas chart) {
        java.util.stream.Stream<String> drawn = chart.drawnTexts().stream().map(ChartCanvas.DrawnText::text);
        java.util.stream.Stream<String> nodes = chart.lookupAll("Text").stream()
                .filter(n -> n instanceof javafx.scene.text.Text && n.isVisible() && n.getParent().isVisible())
                // The halo behind the name is the same words in the background's colour.
                .filter(n -> !n.getStyleClass().contains("scatter-sampled-halo"))
                .map(n -> ((javafx.scene.text.Text) n).getText());
        return java.util.stream.Stream.concat(drawn, nodes).filter(t -> t.endsWith("★")).toList();
    }

    @Test
    void onAProjectorEveryNumberOfTheHundredThousandTokenLessonIsWhole(FxRobot robot) {
        Lesson big = GeneratedLessons.cl100k(Locale.ENGLISH);
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(768);
            view.setControlsVisible(true); // what a teacher opens for students to drag sliders
            presenter.load(big, GeneratedLessons.CL100K_ID);
            presenter.setRevealAll(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        // Three panels side by side beside the controls: the f1 table is drawn smaller rather than cut to "−0.…".
        assertF1LabelsWhole();
        // A weight dragged to the end of its slider makes the table wider still.
        robot.interact(() -> presenter.setF1Weight(0, -5.0));
        WaitForAsyncUtils.waitForFxEvents();
        assertF1LabelsWhole();
        double f1 = presenter.getTrace().f1().value();
        assertEquals(nexttoken.report.Formulas.relation(f1) + " " + nexttoken.model.NumberText.screen(f1, Locale.ENGLISH),
                ((javafx.scene.control.Label) view.weightedSum().lookup("#f1-sum")).getText(), "the sum on screen is the model's");
        // Each of 100,261 probabilities is near 0.001 %: none reads as exactly 0 %.
        for (String token : List.of(presenter.getLesson().vocabulary().token(presenter.getTrace().greedyIndex()))) {
            String shown = view.distribution().bars().valueTextOf(token);
            assertTrue(shown != null && !shown.startsWith("0.0 %"), token + ": " + shown);
        }
        String note = view.distribution().noteText();
        assertTrue(note.contains("other tokens: ") && !note.contains(": 100.0 %"), note);
    }

    private void assertF1LabelsWhole() {
        List<javafx.scene.control.Label> terms = labelsIn(view.weightedSum()).stream()
                .filter(l -> l.isVisible() && l.getText() != null && !l.getText().isEmpty()).toList();
        assertTrue(terms.stream().anyMatch(l -> l.getText().equals("▁sky")), "the f1 panel names the context");
        for (javafx.scene.control.Label l : terms) {
            javafx.scene.text.Text drawn = (javafx.scene.text.Text) l.lookup(".text");
            assertEquals(l.getText(), drawn.getText(), "a label cut short on screen");
        }
    }

    private static List<javafx.scene.control.Label> labelsIn(javafx.scene.Parent parent) {
        List<javafx.scene.control.Label> found = new java.util.ArrayList<>();
        for (javafx.scene.Node n : parent.getChildrenUnmodifiable()) {
            if (n instanceof javafx.scene.control.Label l) {
                found.add(l);
            } else if (n instanceof javafx.scene.Parent p) {
                found.addAll(labelsIn(p));
            }
        }
        return found;
    }

    @Test
    void searchFindsATokenAndMarksItEverywhere(FxRobot robot) {
        robot.clickOn("#search").write("frío").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        int frio = presenter.getLesson().vocabulary().indexOf("frío").getAsInt();
        assertEquals(frio, presenter.getHighlightedToken());
        TableView<?> table = (TableView<?>) view.tokens().lookup(".token-table");
        assertEquals(frio, table.getSelectionModel().getSelectedIndex());
        assertTrue(view.statusText().contains("frío") && view.statusText().contains("402"), view.statusText());
        robot.interact(() -> {
            presenter.load(GeneratedLessons.cl100k(Locale.ENGLISH), GeneratedLessons.CL100K_ID);
            presenter.setRevealAll(true);
        });
        int[] holder = new int[1];
        robot.interact(() -> holder[0] = presenter.highlight("diplomacy"));
        int found = holder[0];
        assertEquals("▁diplomacy", presenter.getLesson().vocabulary().token(found));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.logits().bars().valueTextOf("▁diplomacy") != null, "the found token gets a bar");
        robot.interact(() -> holder[0] = presenter.highlight("zzzzqqqq-not-a-token"));
        assertEquals(-1, holder[0]);
    }

    @Test
    void switchingLessonsFiftyTimesDoesNotGrowTheHeap(FxRobot robot) {
        Lesson big = GeneratedLessons.cl100k(Locale.ENGLISH);
        Lesson small = BuiltInLessons.load("part3");
        Runnable twoSwitches = () -> {
            presenter.load(big, GeneratedLessons.CL100K_ID);
            presenter.setRevealAll(true);
            presenter.goTo(Step.SAMPLE);
            presenter.load(small, "part3");
        };
        for (int i = 0; i < 3; i++) {
            robot.interact(twoSwitches);
        }
        long baseline = Heap.usedAfterGc();
        for (int i = 0; i < 25; i++) {
            robot.interact(twoSwitches);
            WaitForAsyncUtils.waitForFxEvents();
        }
        long after = Heap.usedAfterGc();
        assertTrue(after < baseline + 24L * 1024 * 1024,
                "50 switches grew the heap from " + baseline / 1_048_576 + " MB to " + after / 1_048_576 + " MB");
    }
}
