package nexttoken.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import nexttoken.app.NextTokenApp;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.lesson.GeneratedLessons;
import nexttoken.lesson.LessonReader;
import nexttoken.model.Lesson;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;
import nexttoken.presenter.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
    private MainWindow view;
    private Stage stage;

    /** Where the side panel stands: closed, or open on one of its tabs. */
    private enum Side { CLOSED, CONTROLS, SAMPLING, LESSON }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        presenter = new Presenter(BuiltInLessons.load("part2"), "part2", Locale.forLanguageTag("es"));
        view = new MainWindow(presenter);
        stage.setScene(NextTokenApp.createScene(view));
        stage.setWidth(1024);
        stage.setHeight(768);
        stage.show();
    }

    private static final Locale SPANISH = Locale.forLanguageTag("es");
    private static final Locale ENGLISH = Locale.forLanguageTag("en");

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("themesAndLanguages")
    void everyBuiltInLessonReadsWholeAtEveryStepWithTheSidePanelClosedAndOpen(Theme theme, Locale language, FxRobot robot) {
        List<String> problems = new ArrayList<>();
        look(robot, theme, language);
        for (String part : BuiltInLessons.PARTS) {
            String id = BuiltInLessons.inLanguage(part, language);
            Lesson lesson = BuiltInLessons.load(id);
            problems.addAll(everyState(robot, theme + " " + id, p -> p.load(lesson, id)));
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("themesAndLanguages")
    void theAttentionLessonsReadWholeAtEveryStepOfEveryStage(Theme theme, Locale language, FxRobot robot) {
        List<String> problems = new ArrayList<>();
        look(robot, theme, language);
        for (String part : BuiltInLessons.ATTENTION_PARTS) {
            String id = BuiltInLessons.inLanguage(part, language);
            Lesson lesson = BuiltInLessons.load(id);
            problems.addAll(everyState(robot, theme + " " + id, p -> p.load(lesson, id)));
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("themesAndLanguages")
    void theHundredThousandTokenLessonReadsWhole(Theme theme, Locale language, FxRobot robot) {
        look(robot, theme, language);
        Lesson big = GeneratedLessons.cl100k(language);
        assertEquals(List.of(), everyState(robot, theme + " cl100k", p -> p.load(big, GeneratedLessons.CL100K_ID)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("themesAndLanguages")
    void aTrainedLessonReadsWholeAndSoDoesTheTrainingView(Theme theme, Locale language, FxRobot robot) {
        look(robot, theme, language);
        String id = BuiltInLessons.inLanguage("part5", language);
        Lesson part5 = BuiltInLessons.load(id);
        Consumer<Presenter> trained = p -> {
            p.load(part5, id);
            p.trainSteps(200);
        };
        robot.interact(() -> trained.accept(presenter));
        assertEquals(201, presenter.lossesProperty().size(), "200 steps trained");
        List<String> problems = new ArrayList<>(everyState(robot, theme + " " + id + " trained 200 steps", trained));
        robot.interact(() -> {
            trained.accept(presenter);
            presenter.compareWithIds(200);
        });
        robot.clickOn("#training-mode");
        for (Side side : Side.values()) {
            problems.addAll(read(robot, theme + " training view, " + id + " trained and compared with ids, side " + side, side));
        }
        assertTrue(ScreenReader.canvasTextsRead(view) >= 8, "the loss curve's axis and legend are read");
        assertEquals(List.of(), problems);
    }

    /** A lesson opened from a file has no part to name: the picker names the file, whole. */
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("themesAndLanguages")
    void aLessonOpenedFromAFileIsNamedWhole(Theme theme, Locale language, FxRobot robot) {
        look(robot, theme, language);
        String file = Path.of("assets", "lessons", BuiltInLessons.inLanguage("part2", language) + ".json").toString();
        LessonReader.Result opened = LessonReader.read(Path.of(file));
        assertTrue(opened.ok(), file);
        List<String> problems = new ArrayList<>();
        robot.interact(() -> presenter.load(opened.lesson(), file));
        for (Side side : List.of(Side.CLOSED, Side.CONTROLS)) {
            problems.addAll(read(robot, theme + " " + file + ", side " + side, side));
        }
        assertEquals(List.of(), problems);
    }

    static Stream<Arguments> themesAndLanguages() {
        return Stream.of(Theme.values()).flatMap(t -> Stream.of(SPANISH, ENGLISH).map(l -> Arguments.of(t, l)));
    }

    private void look(FxRobot robot, Theme theme, Locale language) {
        robot.interact(() -> {
            presenter.setTheme(theme);
            presenter.setLanguage(language);
        });
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

    /** The test of the test for canvas text: a scatter label drawn over another, or past the edge, is reported. */
    @Test
    void canvasTextThatOverlapsOrLeavesItsCanvasIsReported(FxRobot robot) {
        robot.interact(() -> {
            presenter.load(BuiltInLessons.load("part3"), "part3");
            presenter.setRevealAll(true);
        });
        List<String> before = read(robot, "part3 shown whole", Side.CLOSED);
        assertEquals(List.of(), before);
        assertTrue(ScreenReader.canvasTextsRead(view) >= 6, "the scatter's labels and ticks are read");
        ChartCanvas scatter = robot.lookup(".embedding-scatter-view .chart-canvas").queryAs(ChartCanvas.class);
        robot.interact(() -> {
            // Drawn on top of the last draw, through the canvas's own recording fillText.
            javafx.scene.canvas.GraphicsContext g = scatter.canvas.getGraphicsContext2D();
            g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
            g.setTextBaseline(javafx.geometry.VPos.TOP);
            scatter.fillText(g, "azul", 10, 10);
            scatter.fillText(g, "cielo", 14, 12);
            scatter.fillText(g, "frío", scatter.getWidth() - 5, scatter.getHeight() / 2);
        });
        List<String> after = ScreenReader.problems(stage.getScene().getRoot(), "part3 with drawn labels");
        assertTrue(after.stream().anyMatch(p -> p.contains("drew \"cielo\" overlaps \"azul\"")), String.join("\n", after));
        assertTrue(after.stream().anyMatch(p -> p.contains("drew \"frío\" outside its canvas")), String.join("\n", after));
    }

    /** The test of the test for tables: a lesson's table that hides a row behind a scroll bar is reported. */
    @Test
    void aShortTableThatScrollsIsReported(FxRobot robot) {
        robot.interact(() -> presenter.load(BuiltInLessons.load("part2"), "part2"));
        assertEquals(List.of(), read(robot, "part2 as opened", Side.CLOSED));
        javafx.scene.control.TableView<?> table = robot.lookup(".token-table").queryAs(javafx.scene.control.TableView.class);
        robot.interact(() -> table.setFixedCellSize(80));
        List<String> after = problemsNow("part2 with tall rows");
        assertTrue(after.stream().anyMatch(p -> p.contains("token-table in TokenTableView scrolls: its 5 rows")),
                String.join("\n", after));
    }

    /** The Lesson tab's title wraps onto the lines it takes; kept to one line, it scrolls, and that is reported. */
    @Test
    void aTitleThatWrapsShowsItsLinesAndOneKeptToALineIsReported(FxRobot robot) {
        robot.interact(() -> presenter.load(BuiltInLessons.load("part2"), "part2"));
        assertEquals(List.of(), read(robot, "part2, Lesson tab", Side.LESSON));
        javafx.scene.control.TextArea title = robot.lookup("#editor-title").queryAs(javafx.scene.control.TextArea.class);
        robot.interact(() -> title.setText("Parte 2 — " + "la suma ponderada de los ids ".repeat(4)));
        List<String> wrapped = read(robot, "part2 with a long title", Side.LESSON);
        assertEquals(List.of(), wrapped);
        assertTrue(title.getPrefRowCount() >= 3, "the title takes " + title.getPrefRowCount() + " lines");
        robot.interact(() -> {
            double line = title.getHeight() / title.getPrefRowCount();
            title.setMinHeight(line);
            title.setMaxHeight(line);
        });
        List<String> kept = problemsNow("part2 with its title kept to a line");
        assertTrue(kept.stream().anyMatch(p -> p.startsWith("part2 with its title kept to a line: WrappingField#editor-title")
                && p.contains("scrolls")), String.join("\n", kept));
    }

    /**
     * The test of the test for table cells: a column too narrow for its text is reported, whether
     * the cell cuts it with an ellipsis or a cell's own label runs past the column's edge.
     */
    @Test
    void aTableColumnTooNarrowForItsTextIsReported(FxRobot robot) {
        javafx.scene.control.TableView<String> table = new javafx.scene.control.TableView<>(
                javafx.collections.FXCollections.observableArrayList("cielo es → azul"));
        javafx.scene.control.TableColumn<String, String> cut = new javafx.scene.control.TableColumn<>("a");
        cut.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        javafx.scene.control.TableColumn<String, String> overrun = new javafx.scene.control.TableColumn<>("b");
        overrun.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        overrun.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                Label whole = new Label(item);
                whole.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                setGraphic(empty ? null : whole);
            }
        });
        for (javafx.scene.control.TableColumn<String, String> c : List.of(cut, overrun)) {
            c.setPrefWidth(40);
            table.getColumns().add(c);
        }
        table.setId("narrow");
        List<String> found = new ArrayList<>();
        robot.interact(() -> stage.getScene().setRoot(new javafx.scene.layout.StackPane(table)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> found.addAll(ScreenReader.problems(stage.getScene().getRoot(), "a narrow column")));
        String all = String.join("\n", found);
        assertTrue(found.stream().anyMatch(p -> p.startsWith("a narrow column: TableCell") && p.contains("shows \"")
                && p.contains("of \"cielo es → azul\"")), all);
        assertTrue(found.stream().anyMatch(p -> p.startsWith("a narrow column: Label") && p.contains("leaves TableCell")), all);
        assertEquals(2, found.size(), all);
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
