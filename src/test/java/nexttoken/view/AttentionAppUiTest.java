package nexttoken.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.model.NumberText;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Parts 6 and 7 in the real window at 1024×768, taught with the clicker's keys and the mouse alone. */
@ExtendWith(ApplicationExtension.class)
class AttentionAppUiTest {
    private Presenter presenter;
    private MainWindow view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        presenter = new Presenter(BuiltInLessons.load("part2"), "part2", Locale.ENGLISH);
        view = new MainWindow(presenter);
        ProjectorWindow.show(stage, view);
    }

    private void press(FxRobot robot, KeyCode key, int times) {
        for (int i = 0; i < times; i++) {
            robot.type(key);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void open(FxRobot robot, String id) {
        robot.interact(() -> presenter.load(BuiltInLessons.load(id), id));
        robot.interact(() -> view.setControlsVisible(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The row's cells as the screen shows them, masked ones included. */
    private List<String> row(int i) {
        AttentionMapGrid grid = view.attentionMap().grid();
        return java.util.stream.IntStream.range(0, grid.shown().size()).mapToObj(j -> grid.cell(i, j).getText()).toList();
    }

    private boolean onScreen(StepView v) {
        return v.getScene() != null && v.isVisible() && view.visibleViews().contains(v);
    }

    @Test
    void theClickerWalksPart6ThroughTheMapToTheNextWord(FxRobot robot) {
        open(robot, "part6");
        assertEquals(Step.TOKENS, presenter.getStep());
        assertTrue(onScreen(view.tokens()) && onScreen(view.positions()));
        assertFalse(view.positions().isRevealed(), "the positions say \"not yet\" before their step");
        assertFalse(view.attentionMap().isRevealed());
        press(robot, KeyCode.PAGE_DOWN, 1);
        assertEquals(Step.POSITIONS, presenter.getStep());
        assertTrue(onScreen(view.positions()));
        press(robot, KeyCode.PAGE_DOWN, 1);
        assertEquals(Step.ATTENTION, presenter.getStep());
        assertTrue(onScreen(view.attentionMap()) && view.attentionMap().isRevealed());
        assertEquals(List.of("0.1156", "0.5104", "0.3740"), row(2));
        assertEquals(List.of("1.0", "masked", "masked"), row(0));
        assertEquals("= 1.0", view.attentionMap().grid().sum(2).getText());
        assertTrue(view.attentionMap().substitutionText().startsWith(
                "a₂ = softmax(s₂₀, s₂₁, s₂₂) = softmax(0.5515, 2.036, 1.725) = (0.1156, 0.5104, 0.3740)"));
        // The map is read from the back row: its numbers are drawn at 12 px or more.
        javafx.scene.control.Label cell = view.attentionMap().grid().cell(2, 1);
        double drawn = cell.getFont().getSize() * cell.localToScene(1, 0).subtract(cell.localToScene(0, 0)).getX();
        assertTrue(drawn >= 16, "cell text drawn at " + drawn + " px");

        robot.clickOn(view.attentionMap().grid().cell(2, 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("q₂ · k₁ = 2.2 × 1.3 + (−0.2) × (−0.1) = 2.88\n"
                + "s₂₁ = q₂ · k₁ / √2 = 2.88 / 1.414 ≈ 2.036\n"
                + "a₂₁ = exp(s₂₁) / Σⱼ exp(s₂ⱼ) = exp(2.036) / (exp(0.5515) + exp(2.036) + exp(1.725)) ≈ 0.5104",
                view.attentionMap().substitutionText());
        robot.clickOn("#map-dots");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("0.78", "2.88", "2.44"), row(2));
        assertFalse(view.attentionMap().grid().sum(2).isVisible(), "only the weights add up to 1");
        robot.clickOn("#map-scaled");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("0.5515", "2.036", "1.725"), row(2));
        robot.clickOn("#map-weights");

        press(robot, KeyCode.PAGE_DOWN, 1);
        assertEquals(Step.HEADS, presenter.getStep());
        assertFalse(onScreen(view.positions()), "a later stage gives the positions' room to what comes next");
        press(robot, KeyCode.PAGE_DOWN, 1);
        assertEquals(Step.F2, presenter.getStep());
        assertTrue(onScreen(view.logits()) && onScreen(view.scatter()) && onScreen(view.distribution()));
        press(robot, KeyCode.PAGE_DOWN, 1);
        assertEquals(Step.NORMALIZE, presenter.getStep());
        assertEquals("49.1 %", view.distribution().bars().valueTextOf("azul"));
        assertTrue(onScreen(view.logits()) && onScreen(view.distribution()));
        press(robot, KeyCode.PAGE_DOWN, 3);
        assertEquals(Step.APPEND, presenter.getStep());
        String next = presenter.getLesson().vocabulary().token(presenter.getSampledIndex());
        press(robot, KeyCode.PAGE_DOWN, 1);
        assertEquals(List.of("el", "cielo", "es", next), presenter.getText());
        assertEquals(Step.TOKENS, presenter.getStep());
        assertTrue(onScreen(view.positions()));
        press(robot, KeyCode.PAGE_UP, 1);
        assertEquals(Step.APPEND, presenter.getStep());
        assertEquals(List.of("el", "cielo", "es"), presenter.getText());
        press(robot, KeyCode.HOME, 1);
        press(robot, KeyCode.DIGIT3, 1);
        assertEquals(Step.ATTENTION, presenter.getStep());
    }

    @Test
    void draggingALearnedPositionMovesTheMapWhileItMoves(FxRobot robot) {
        open(robot, "part6");
        press(robot, KeyCode.DIGIT3, 1);
        assertEquals(List.of("0.1156", "0.5104", "0.3740"), row(2));
        press(robot, KeyCode.DIGIT2, 1);
        assertTrue(onScreen(view.positions()));
        List<Double> x1 = view.positions().data().rows().get(1).input();
        var weightsBefore = presenter.getTrace().attention().heads().get(0).weights().get(2);
        Point2D point = view.positions().pointOf(1);
        Point2D screen = new Point2D(point.getX() + stage.getX() + view.getScene().getX(),
                point.getY() + stage.getY() + view.getScene().getY());
        var drag = robot.drag(screen, MouseButton.PRIMARY).moveBy(0, -15);
        WaitForAsyncUtils.waitForFxEvents();
        double midway = presenter.getLesson().attention().learnedPositions().get(1, 1);
        // While the pointer is still down: x₁ in the table and the weights the map draws have moved.
        assertNotEquals(x1, view.positions().data().rows().get(1).input());
        assertNotEquals(weightsBefore, presenter.getTrace().attention().heads().get(0).weights().get(2));
        drag.moveBy(0, -15).drop();
        WaitForAsyncUtils.waitForFxEvents();
        double moved = presenter.getLesson().attention().learnedPositions().get(1, 1);
        assertTrue(midway > 0 && moved > midway, "cielo's position moved up: " + midway + ", then " + moved);
        press(robot, KeyCode.DIGIT3, 1);
        double weight = presenter.getTrace().attention().heads().get(0).weights().get(2).get(1);
        assertEquals(NumberText.screen(weight, Locale.ENGLISH), row(2).get(1));
        assertNotEquals("0.5104", row(2).get(1));
        robot.interact(() -> presenter.undo());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("0.1156", "0.5104", "0.3740"), row(2), "one drag, one undo");
    }

    @Test
    void part7sSecondHeadHasItsOwnMap(FxRobot robot) {
        open(robot, "part7");
        press(robot, KeyCode.DIGIT3, 1);
        List<String> first = row(2);
        robot.clickOn("#map-head-2");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, view.attentionMap().data().head());
        assertEquals("0.5636", row(2).get(0));
        assertNotEquals(first, row(2));
        assertEquals(Step.ATTENTION, presenter.getStep(), "a click on the map does not step");
    }

    @Test
    void exportAllOfPart6WritesEveryViewOfBothStagesAndLeavesTheWindowAlone(FxRobot robot, @TempDir Path dir)
            throws Exception {
        open(robot, "part6");
        List<List<Path>> out = new java.util.ArrayList<>();
        robot.interact(() -> out.add(view.exports().exportAllTo(dir)));
        List<String> names = out.get(0).stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("part6-tokens.png", "part6-positions.png", "part6-qkv.png", "part6-attention.png",
                "part6-embeddings.png", "part6-heads.png", "part6-logits.png",
                "part6-distribution.png"), names);
        // No feed-forward step, no feed-forward picture: part6's h = r is in its heads picture.
        for (Path p : out.get(0)) {
            assertTrue(Files.size(p) > 1000, p.toString());
        }
        assertEquals(Step.TOKENS, presenter.getStep(), "the live window stays where the class is");
        assertFalse(view.attentionMap().isRevealed());
    }

    @Test
    void theTrainingViewShowsEveryHeadsMapChangingWhileTheLossFalls(FxRobot robot) {
        open(robot, "part7");
        robot.clickOn("#training-mode");
        WaitForAsyncUtils.waitForFxEvents();
        TrainingView training = view.training();
        AttentionMapGrid first = training.map(0);
        AttentionMapGrid second = training.map(1);
        assertTrue(first != null && second != null && first.isVisible(), "one map per head");
        String before = first.cell(2, 1).getText();
        robot.interact(() -> presenter.trainSteps(30));
        WaitForAsyncUtils.waitForFxEvents();
        var weights = presenter.getTrace().attention().heads();
        assertEquals(NumberText.screen(weights.get(0).weights().get(2).get(1), Locale.ENGLISH), first.cell(2, 1).getText());
        assertEquals(NumberText.screen(weights.get(1).weights().get(2).get(0), Locale.ENGLISH), second.cell(2, 0).getText());
        assertNotEquals(before, first.cell(2, 1).getText(), "the map moved with the weights");
        assertTrue(presenter.lossesProperty().get(30) < presenter.lossesProperty().get(0));
        assertEquals("masked", first.cell(0, 2).getText());
    }
}
