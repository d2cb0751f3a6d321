package nexttoken.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import nexttoken.app.NextTokenApp;
import nexttoken.cli.CliAccess;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.lesson.LessonReader;
import nexttoken.model.NumberText;
import nexttoken.model.Training;
import nexttoken.presenter.Presenter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class TrainingUiTest {
    private Presenter presenter;
    private MainWindow view;

    @Start
    void start(Stage stage) {
        presenter = new Presenter(BuiltInLessons.load("part5"), "part5", Locale.ENGLISH);
        view = new MainWindow(presenter);
        Scene scene = NextTokenApp.createScene(view);
        stage.setScene(scene);
        stage.setWidth(1600);
        stage.setHeight(1000);
        stage.show();
    }

    @Test
    void oneStepShowsEveryWeightBeforeAndAfterAndTheLossFalls(FxRobot robot) {
        robot.clickOn("#training-mode");
        robot.clickOn("#train-step");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, presenter.lossesProperty().size());
        assertTrue(presenter.lossesProperty().get(1) < presenter.lossesProperty().get(0));
        TableView<?> lastStep = robot.lookup("#last-step").queryAs(TableView.class);
        assertEquals(6 + 5 + 5 * 2, lastStep.getItems().size(), "f1, f2 and every embedding number");
        String[] first = (String[]) lastStep.getItems().get(0);
        assertEquals("f1 · w₁", first[0]);
        assertEquals("1.0", first[1]);
        // A trained weight is computed: four significant digits (issue 17), the exact value in the lesson.
        assertEquals(NumberText.screen(presenter.getLesson().f1().get(0), Locale.ENGLISH), first[2]);
        assertTrue(first[2].replace("−", "").length() <= 6, "four significant digits: " + first[2]);
    }

    @Test
    void theChainRuleIsWrittenOutWithTheModelsNumbers(FxRobot robot) {
        robot.clickOn("#training-mode");
        WaitForAsyncUtils.waitForFxEvents();
        String text = view.training().chainRuleText();
        Training.Pair pair = Training.pairs(presenter.getLesson()).pairs().get(0);
        Training.PairGradient g = Training.explain(presenter.getLesson(), pair);
        assertTrue(text.contains("dL/dlogitᵢ = pᵢ − yᵢ ≈ (−0.5018, 0.08234, 0.3021, 0.04994, 0.06742)"), text);
        assertTrue(text.contains("dL/dw2₁ = (p₁ − y₁) · f1 ≈ (−0.5018) × 1.0 ≈ −0.5018"), text);
        assertEquals(-0.50184905533059176, g.dW2(0), 1e-15);
        robot.interact(() -> robot.lookup("#gradient-weight").queryAs(javafx.scene.control.ComboBox.class)
                .getSelectionModel().select(5));
        String f1Text = view.training().chainRuleText();
        assertTrue(f1Text.contains("dL/df1 = Σ (pᵢ − yᵢ)·w2ᵢ ≈ (−0.5018) × 2.5 + 0.08234 × 0.7 + 0.3021 × 2.0 + 0.04994 × 0.2 + 0.06742 × 0.5 ≈ "), f1Text);
        assertTrue(f1Text.contains("dL/dw1₁ = dL/df1 · x₁ ≈ (−0.5490) × 0.3 ≈ "), f1Text);
        double expected = g.dF1() * 0.3;
        assertTrue(f1Text.contains(" " + nexttoken.report.Formulas.relation(expected) + " "
                + NumberText.screen(expected, Locale.ENGLISH)), f1Text + " vs " + expected);
    }

    @Test
    void trainAnimatesAndPauseStops(FxRobot robot) {
        robot.clickOn("#training-mode");
        double[] before = presenter.getLesson().vocabulary().embedding(0).toArray();
        robot.interact(() -> view.training().start(30));
        WaitForAsyncUtils.sleep(2500, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(31, presenter.lossesProperty().size(), "30 steps, one per frame");
        assertNotEquals(before[0], presenter.getLesson().vocabulary().embedding(0, 0), "the points moved");
        robot.interact(() -> view.training().start(100000));
        robot.clickOn("#train-pause");
        int stopped = presenter.lossesProperty().size();
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(stopped, presenter.lossesProperty().size());
        robot.clickOn("#train-reset");
        assertEquals(BuiltInLessons.load("part5"), presenter.getLesson());
    }

    @Test
    void compareWithIdsShowsBothCurvesAndTheDivergence(FxRobot robot) {
        robot.clickOn("#training-mode");
        robot.interact(() -> presenter.trainSteps(10));
        robot.clickOn("#train-compare");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(presenter.idsLossesProperty().size() >= 2);
        Label problem = robot.lookup("#training-problem").queryAs(Label.class);
        assertTrue(problem.getText().contains("read with ids") && problem.getText().contains("diverged"), problem.getText());
        assertTrue(view.training().curve().logarithmic());
    }

    @Test
    void aTrainedLessonFromTheCommandLineOpensInTheApp(FxRobot robot, @TempDir Path dir) {
        Path trained = dir.resolve("trained.json");
        assertEquals(0, CliAccess.run("train", "--lesson", "part5", "--steps", "50", "--out", trained.toString()));
        robot.interact(() -> view.files().openFile(trained));
        assertEquals(LessonReader.read(trained).lesson(), presenter.getLesson());
        assertEquals(trained.toString(), presenter.lessonSourceProperty().get());
    }
}
