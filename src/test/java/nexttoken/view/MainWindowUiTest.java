package nexttoken.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import nexttoken.app.NextTokenApp;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What a person clicks, drags and presses, headless, on the real window at 1920×1080. */
@ExtendWith(ApplicationExtension.class)
class MainWindowUiTest {
    private Presenter presenter;
    private MainWindow view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        presenter = new Presenter(BuiltInLessons.load("part2"), "part2", Locale.ENGLISH);
        view = new MainWindow(presenter);
        Scene scene = NextTokenApp.createScene(view);
        view.installKeys(scene);
        stage.setScene(scene);
        stage.setWidth(1920);
        stage.setHeight(1080);
        stage.show();
        stage.requestFocus();
    }

    private void press(FxRobot robot, KeyCode key, int times) {
        for (int i = 0; i < times; i++) {
            robot.type(key);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void clickThroughPart2AndReadTheValues(FxRobot robot) {
        Label sum = robot.lookup("#f1-sum").queryAs(Label.class);
        assertFalse(sum.isVisible() && sum.getParent().isVisible() && view.weightedSum().isVisible()
                && presenter.isRevealed(Step.F1), "f1 is not revealed on the first step");
        press(robot, KeyCode.RIGHT, 2);
        assertEquals(Step.F1, presenter.getStep());
        assertEquals("= 1800.0", sum.getText());
        assertTrue(sum.isVisible());
        press(robot, KeyCode.PAGE_DOWN, 1);
        assertEquals("4500.0", view.logits().bars().valueTextOf("azul"));
        assertEquals("360.0", view.logits().bars().valueTextOf("el"));
        press(robot, KeyCode.SPACE, 1);
        assertEquals(Step.NORMALIZE, presenter.getStep());
        assertEquals("42.4 %", view.distribution().bars().valueTextOf("azul"));
        assertEquals("33.9 %", view.distribution().bars().valueTextOf("frío"));
        assertEquals("8.5 %", view.distribution().bars().valueTextOf("es"));
        // Each token's name under its bar is in the token's colour, after the stylesheet has been applied.
        String azul = TokenColors.text(0, presenter.getTheme()).toString(); // 0xRRGGBBAA: the 8-bit colour on screen
        assertEquals(azul, String.valueOf(view.distribution().bars().labelFillOf("azul")));
        assertEquals(azul, String.valueOf(view.logits().bars().labelFillOf("azul")));
        assertTrue(view.distribution().noteText().contains("temperature"), view.distribution().noteText());
        press(robot, KeyCode.RIGHT, 2);
        assertEquals(Step.SAMPLE, presenter.getStep());
        assertTrue(presenter.getSampledIndex() >= 0);
        // The sentence strip shows the sampled word on the token's own colour, readable (white on colour).
        Label next = robot.lookup(".word-next").queryAs(Label.class);
        int sampled = presenter.getSampledIndex();
        assertEquals(presenter.getLesson().vocabulary().token(sampled), next.getText());
        assertTrue(next.isVisible());
        assertEquals(TokenColors.of(sampled, presenter.getTheme()), next.getBackground().getFills().get(0).getFill(),
                "the next word's fill is its token colour");
        press(robot, KeyCode.LEFT, 6);
        assertEquals(Step.TOKENS, presenter.getStep());
    }

    @Test
    void showAllRevealsEveryView(FxRobot robot) {
        robot.clickOn("#reveal-all");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Step.TOKENS, presenter.getStep());
        assertEquals("42.4 %", view.distribution().bars().valueTextOf("azul"));
    }

    @Test
    void clickingAStepChipGoesThere(FxRobot robot) {
        robot.clickOn("#step-f2");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Step.F2, presenter.getStep());
    }

    @Test
    void draggingAWeightSliderMovesTheDistribution(FxRobot robot) {
        press(robot, KeyCode.DIGIT5, 1);
        assertEquals(Step.NORMALIZE, presenter.getStep());
        String before = view.distribution().bars().valueTextOf("azul");
        Slider slider = robot.lookup("#f2-0-slider").queryAs(Slider.class);
        Bounds thumb = slider.lookup(".thumb").localToScreen(slider.lookup(".thumb").getBoundsInLocal());
        robot.drag(new Point2D(thumb.getCenterX(), thumb.getCenterY()), MouseButton.PRIMARY)
                .moveBy(-10, 0).moveBy(-10, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        double moved = presenter.getLesson().f2().get(0);
        assertTrue(moved < 2.5 && moved > 0, "the slider moved w1 of f2 down a little: " + moved);
        String after = view.distribution().bars().valueTextOf("azul");
        assertNotEquals(before, after);
        double w = presenter.getLesson().f2().get(0);
        double expected = 1800 * w / (1800 * w + 1260 + 3600 + 360 + 900);
        assertEquals(nexttoken.model.NumberText.percent(expected, Locale.ENGLISH), after, "w = " + w);
        robot.clickOn("#undo");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2.5, presenter.getLesson().f2().get(0), "one drag, one undo");
    }

    @Test
    void typingAnExactWeight(FxRobot robot) {
        robot.doubleClickOn("#f1-1-field").eraseText(6).write("2").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2.0, presenter.getLesson().f1().get(1));
        assertEquals(2325.0, presenter.getTrace().f1().value());
        robot.doubleClickOn("#temperature-field").eraseText(6).write("abc").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#temperature-field").query().getStyleClass().contains("invalid"));
        assertEquals(1.0, presenter.getLesson().temperature());
    }

    @Test
    void pageDownWhileASliderHasFocusAdvancesTheStep(FxRobot robot) {
        robot.clickOn("#f1-0-slider");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#f1-0-slider").query().isFocused());
        Step before = presenter.getStep();
        press(robot, KeyCode.PAGE_DOWN, 1);
        assertEquals(presenter.path().get(presenter.path().indexOf(before) + 1), presenter.getStep());
        press(robot, KeyCode.RIGHT, 1);
        assertEquals(presenter.path().get(presenter.path().indexOf(before) + 2), presenter.getStep());
    }

    @Test
    void draggingAnEmbeddingPointChangesF1(FxRobot robot) {
        robot.interact(() -> presenter.load(BuiltInLessons.load("part3"), "part3"));
        press(robot, KeyCode.DIGIT3, 1);
        Label sum = robot.lookup("#f1-sum").queryAs(Label.class);
        assertEquals("= 1.0", sum.getText());
        int el = presenter.getLesson().vocabulary().indexOf("el").getAsInt();
        Point2D point = view.scatter().pointOf(el);
        Point2D screen = view.scatter().getScene().getWindow() == null ? point
                : new Point2D(point.getX() + stage.getX() + view.getScene().getX(), point.getY() + stage.getY() + view.getScene().getY());
        robot.drag(screen, MouseButton.PRIMARY).moveBy(40, 0).moveBy(40, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        double elX = presenter.getLesson().vocabulary().embedding(el, 0);
        assertTrue(elX > 0.3, "el moved right: " + elX);
        assertNotEquals("= 1.0", sum.getText());
        double expected = presenter.getTrace().f1().value();
        assertEquals(nexttoken.report.Formulas.relation(expected) + " " + nexttoken.model.NumberText.screen(expected, Locale.ENGLISH),
                sum.getText());
    }

    @Test
    void aBrokenLessonFileLeavesTheLessonInPlace(FxRobot robot, @TempDir Path dir) throws Exception {
        Path bad = dir.resolve("mine.json");
        Files.writeString(bad, nexttoken.lesson.LessonReaderTestSupport.VALID.replace("[0.3, -0.6]", "[0.3, -0.6, 1]"));
        press(robot, KeyCode.RIGHT, 2);
        robot.interact(() -> view.files().openFile(bad));
        WaitForAsyncUtils.waitForFxEvents();
        Label banner = robot.lookup("#load-problem").queryAs(Label.class);
        assertTrue(banner.isVisible());
        assertTrue(banner.getText().contains("mine.json: vocabulary[3].embedding has 3 numbers, expected 2"), banner.getText());
        assertEquals(BuiltInLessons.load("part2"), presenter.getLesson());
        assertEquals(Step.F1, presenter.getStep());
        assertEquals("= 1800.0", robot.lookup("#f1-sum").queryAs(Label.class).getText());
    }

    @Test
    void normUndefinedIsExplainedInPlace(FxRobot robot) {
        robot.interact(() -> presenter.setF2Weight(1, -0.7));
        press(robot, KeyCode.DIGIT5, 1);
        String text = view.distribution().problemText();
        assertTrue(text.contains("norm is undefined") && text.contains("cielo"), text);
        assertEquals("−1260.0", view.logits().bars().valueTextOf("cielo"));
    }

    @Test
    void part1LookupReadsFrio(FxRobot robot) {
        robot.interact(() -> presenter.load(BuiltInLessons.load("part1"), "part1"));
        press(robot, KeyCode.END, 1);
        assertEquals(Step.APPEND, presenter.getStep());
        assertEquals("f1 gives 402.0: the token with id 402 is \"frío\".", view.lookup().resultText());
    }
}
