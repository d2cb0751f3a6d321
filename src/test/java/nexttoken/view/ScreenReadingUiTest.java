package nexttoken.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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

/**
 * Issue 17: at 1024×768, the most common classroom projector, nothing a class reads is cut,
 * leaves its panel or shrinks below a readable size — in every lesson, at every step, with the
 * side panel closed and open on each of its tabs, after training and in the training view.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenReadingUiTest {
    private Presenter presenter;
    private MainView view;
    private Stage stage;

    /** Where the side panel stands: closed, or open on one of its tabs. */
    private enum Side { CLOSED, CONTROLS, SAMPLING, LESSON }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        presenter = new Presenter(BuiltInLessons.load("part2"), "part2", Locale.forLanguageTag("es"));
        view = new MainView(presenter);
        stage.setScene(NextTokenApp.createScene(view));
        stage.setWidth(1024);
        stage.setHeight(768);
        stage.show();
    }

    @Test
    void everyBuiltInLessonReadsWholeAtEveryStepWithTheSidePanelClosedAndOpen(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        for (String id : List.of("part1", "part2", "part3", "part4", "part5", "part2-en", "part4-en")) {
            Lesson lesson = BuiltInLessons.load(id);
            problems.addAll(everyState(robot, id, p -> p.load(lesson, id)));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theAttentionLessonsReadWholeAtEveryStepOfBothStages(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        for (String id : List.of("part6", "part7", "part6-en", "part7-en")) {
            Lesson lesson = BuiltInLessons.load(id);
            problems.addAll(everyState(robot, id, p -> p.load(lesson, id)));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theHundredThousandTokenLessonReadsWhole(FxRobot robot) {
        Lesson big = GeneratedLessons.cl100k(Locale.forLanguageTag("es"));
        assertEquals(List.of(), everyState(robot, "cl100k", p -> p.load(big, GeneratedLessons.CL100K_ID)));
    }

    @Test
    void aTrainedLessonReadsWholeAndSoDoesTheTrainingView(FxRobot robot) {
        Lesson part5 = BuiltInLessons.load("part5");
        Consumer<Presenter> trained = p -> {
            p.load(part5, "part5");
            p.trainSteps(200);
        };
        robot.interact(() -> trained.accept(presenter));
        assertEquals(201, presenter.lossesProperty().size(), "200 steps trained");
        List<String> problems = new ArrayList<>(everyState(robot, "part5 trained 200 steps", trained));
        robot.interact(() -> {
            trained.accept(presenter);
            presenter.compareWithIds(200);
        });
        robot.clickOn("#training-mode");
        for (Side side : Side.values()) {
            problems.addAll(read(robot, "training view, part5 trained and compared with ids, side " + side, side));
        }
        assertEquals(List.of(), problems);
    }

    /** The test of the test: a label made too long for its panel is reported, by node and state. */
    @Test
    void aLabelMadeTooLongIsReportedByNodeAndState(FxRobot robot) {
        robot.interact(() -> presenter.load(BuiltInLessons.load("part2"), "part2"));
        List<String> before = read(robot, "part2 as opened", Side.CLOSED);
        assertEquals(List.of(), before);
        Label sum = robot.lookup("#f1-sum").queryAs(Label.class);
        robot.interact(() -> {
            presenter.setRevealAll(true);
            sum.setText("= " + "1800.0 ".repeat(40));
        });
        List<String> after = problemsNow("part2 with a long sum");
        assertTrue(after.stream().anyMatch(p -> p.startsWith("part2 with a long sum: Label#f1-sum")), String.join("\n", after));
        // A text pushed past its panel's edge without an ellipsis is reported too.
        Label title = (Label) view.weightedSum().lookup(".step-title");
        robot.interact(() -> {
            title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            title.setText("f1: " + "la suma ponderada ".repeat(12));
        });
        List<String> pushed = problemsNow("part2 with a wide title");
        assertTrue(pushed.stream().anyMatch(p -> p.contains("leaves WeightedSumView")), String.join("\n", pushed));
        assertTrue(ScreenReader.textsRead(view) > 40, "the walk reads the whole window");
    }

    private List<String> everyState(FxRobot robot, String name, Consumer<Presenter> open) {
        List<String> problems = new ArrayList<>();
        robot.interact(() -> open.accept(presenter));
        for (Side side : Side.values()) {
            if (side == Side.SAMPLING) {
                robot.interact(() -> presenter.sampleCounts(1000));
            }
            robot.interact(() -> presenter.home());
            for (Step step : presenter.path()) {
                robot.interact(() -> presenter.goTo(step));
                problems.addAll(read(robot, name + ", step " + step + ", side " + side, side));
            }
            robot.interact(() -> presenter.setRevealAll(true));
            problems.addAll(read(robot, name + ", show all, side " + side, side));
            robot.interact(() -> presenter.setRevealAll(false));
        }
        return problems;
    }

    private List<String> read(FxRobot robot, String state, Side side) {
        robot.interact(() -> {
            view.setControlsVisible(side != Side.CLOSED);
            if (side != Side.CLOSED) {
                TabPane tabs = (TabPane) view.lookup(".tab-pane");
                String tabId = switch (side) {
                    case CONTROLS -> "controls-tab";
                    case SAMPLING -> "sampling-tab";
                    default -> "editor-tab";
                };
                Tab tab = tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst().orElseThrow();
                tabs.getSelectionModel().select(tab);
            }
        });
        return problemsNow(state);
    }

    private List<String> problemsNow(String state) {
        WaitForAsyncUtils.waitForFxEvents();
        // Two pulses: a view may measure after the first layout and lay out again.
        WaitForAsyncUtils.waitForFxEvents();
        List<String> found = new ArrayList<>();
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            Parent root = stage.getScene().getRoot();
            root.applyCss();
            root.layout();
            found.addAll(ScreenReader.problems(root, state));
        });
        return found;
    }
}
