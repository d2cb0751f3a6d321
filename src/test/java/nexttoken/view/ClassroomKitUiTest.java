package nexttoken.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import nexttoken.model.Vocabulary;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import nexttoken.app.NextTokenApp;
import nexttoken.export.PngExport;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.lesson.LessonReader;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.SampleRun;
import nexttoken.presenter.Theme;
import nexttoken.settings.UserSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Export, themes, languages, the sampling panel, the editor and saving, through the real window. */
@ExtendWith(ApplicationExtension.class)
class ClassroomKitUiTest {
    private Presenter presenter;
    private MainWindow view;
    private UserSettings settings;

    @Start
    void start(Stage stage) {
        settings = UserSettings.inMemory();
        presenter = new Presenter(BuiltInLessons.load("part3"), "part3", Locale.ENGLISH);
        view = new MainWindow(presenter, settings);
        Scene scene = NextTokenApp.createScene(view);
        view.installKeys(scene);
        stage.setScene(scene);
        stage.setWidth(1600);
        stage.setHeight(1000);
        stage.show();
    }

    private static BufferedImage png(Path file) throws Exception {
        return ImageIO.read(file.toFile());
    }

    @Test
    void aViewExportHasTheViewsSizeTimesTheScalePlusACaption(FxRobot robot, @TempDir Path dir) throws Exception {
        for (int scale = 1; scale <= 3; scale++) {
            int s = scale;
            Path file = dir.resolve("logits-" + scale + ".png");
            robot.interact(() -> {
                view.setExportOptions(new PngExport.Options(s, PngExport.Background.WHITE));
                assertTrue(view.exports().exportViewTo(view.logits(), file));
            });
            BufferedImage image = png(file);
            assertEquals(Math.round(view.logits().getWidth() * scale), image.getWidth(), 1.0);
            assertTrue(image.getHeight() > view.logits().getHeight() * scale, "a caption line above the view");
            assertEquals(0xFFFFFFFF, image.getRGB(0, 0), "white background");
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.allMatch(p -> p.toString().endsWith(".png")), "no temporary files left");
        }
    }

    @Test
    void aTransparentExportHasTransparentCorners(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.png");
        robot.interact(() -> {
            view.setExportOptions(new PngExport.Options(1, PngExport.Background.TRANSPARENT));
            assertTrue(view.exports().exportViewTo(view.distribution(), file));
        });
        assertEquals(0, png(file).getRGB(0, 0) >>> 24, "alpha 0 in the caption's corner");
    }

    @Test
    void exportSlideIsTheWholeWindow(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("slide.png");
        robot.interact(() -> assertTrue(view.exports().exportSlideTo(file)));
        BufferedImage image = png(file);
        assertEquals(Math.round(view.getWidth() * 2), image.getWidth(), 1.0);
        assertEquals(Math.round(view.getHeight() * 2), image.getHeight(), 1.0);
    }

    @Test
    void exportAllWritesOnePerViewAndAsksBeforeReplacing(FxRobot robot, @TempDir Path dir) throws Exception {
        AtomicInteger asked = new AtomicInteger();
        List<Path>[] written = new List[1];
        robot.interact(() -> written[0] = view.exports().exportAllTo(dir));
        assertEquals(List.of("part3-tokens.png", "part3-f1.png", "part3-embeddings.png", "part3-logits.png",
                "part3-distribution.png"), written[0].stream().map(p -> p.getFileName().toString()).toList());
        long before = Files.getLastModifiedTime(dir.resolve("part3-f1.png")).toMillis();
        robot.interact(() -> {
            view.dialogs().answerConfirmWith((title, message) -> {
                asked.incrementAndGet();
                return false;
            });
            written[0] = view.exports().exportAllTo(dir);
        });
        assertEquals(1, asked.get());
        assertEquals(List.of(), written[0], "nothing replaced when the answer is no");
        assertEquals(before, Files.getLastModifiedTime(dir.resolve("part3-f1.png")).toMillis());
        robot.interact(() -> {
            view.dialogs().answerConfirmWith((title, message) -> true);
            written[0] = view.exports().exportAllTo(dir);
        });
        assertEquals(5, written[0].size());
    }

    @Test
    void aFailedExportSaysSoAndLeavesNoFile(FxRobot robot, @TempDir Path dir) throws Exception {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "x");
        Path target = blocker.resolve("f1.png");
        robot.interact(() -> assertFalse(view.exports().exportViewTo(view.weightedSum(), target)));
        assertFalse(Files.exists(target));
        assertTrue(view.statusText().startsWith("Export failed: "), view.statusText());
    }

    @Test
    void themesSwitchLiveAndAreRemembered(FxRobot robot) {
        Region panel = view.weightedSum(); // not the current step, so a plain fill
        Color light = (Color) panel.getBackground().getFills().get(0).getFill();
        robot.interact(() -> {
            presenter.setRevealAll(true);
            presenter.setTheme(Theme.DARK);
            settings.setTheme(Theme.DARK);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")));
        Color dark = (Color) panel.getBackground().getFills().get(0).getFill();
        assertTrue(light.getBrightness() > 0.9 && dark.getBrightness() < 0.2, light + " → " + dark);
        assertEquals(Theme.DARK, settings.theme());
        // The token names under the bars take the dark theme's lighter hues, through the CSS pass of the switch.
        String first = presenter.getLesson().vocabulary().token(0);
        assertEquals(TokenColors.text(0, Theme.DARK), view.logits().bars().labelFillOf(first));
        double before = view.tokens().lookup(".step-title").getScaleX();
        String rootStyle = view.getStyle();
        robot.interact(() -> presenter.setTheme(Theme.PROJECTOR));
        assertTrue(fontSize(view.getStyle()) > fontSize(rootStyle), view.getStyle() + " vs " + rootStyle);
        assertEquals(1.0, before);
    }

    private static double fontSize(String style) {
        return Double.parseDouble(style.replaceAll(".*-fx-font-size: ([0-9.]+)px.*", "$1"));
    }

    @Test
    void ctrlPlusAndMinusZoomTheWholeUi(FxRobot robot) {
        robot.interact(() -> presenter.setRevealAll(true));
        String before = view.getStyle();
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.EQUALS)
                .release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fontSize(view.getStyle()) > fontSize(before), view.getStyle());
        // The zoom restyles every node; the f1 panel's token names keep their colours through it.
        Vocabulary v = presenter.getLesson().vocabulary();
        List<Integer> context = presenter.getTrace().context().indices();
        List<javafx.scene.Node> names = List.copyOf(view.weightedSum().lookupAll(".term-token"));
        assertEquals(context.size(), names.size());
        for (int k = 0; k < names.size(); k++) {
            Label name = (Label) names.get(k);
            assertEquals(v.token(context.get(k)), name.getText());
            assertEquals(TokenColors.text(context.get(k), presenter.getTheme()), name.getTextFill(), name.getText());
        }
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.MINUS)
                .type(javafx.scene.input.KeyCode.MINUS).release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fontSize(view.getStyle()) < fontSize(before), view.getStyle());
    }

    @Test
    void languageSwitchChangesLabelsNumbersAndTheBuiltInLesson(FxRobot robot) {
        Label title = (Label) view.tokens().lookup(".step-title");
        assertEquals("Tokens and their ids", title.getText());
        robot.interact(() -> view.files().switchLanguage(Locale.forLanguageTag("es")));
        assertEquals("Los tokens y sus ids", title.getText());
        assertEquals("part3", presenter.lessonSourceProperty().get());
        robot.interact(() -> presenter.setRevealAll(true));
        assertEquals("49,8 %", view.distribution().bars().valueTextOf("azul"));
        robot.interact(() -> view.files().switchLanguage(Locale.ENGLISH));
        assertEquals("part3-en", presenter.lessonSourceProperty().get(), "the English twin");
        assertEquals("49.8 %", view.distribution().bars().valueTextOf("blue"));
        assertEquals("Tokens and their ids", title.getText());
        assertEquals(Locale.ENGLISH.getLanguage(), settings.language(Locale.GERMAN).getLanguage());
    }

    @Test
    void samplingPanelListsSentencesCountsAndReplays(FxRobot robot) {
        robot.clickOn("#sampling-tab");
        robot.clickOn("#sample-10");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> history = robot.lookup("#sample-history").queryAs(ListView.class);
        assertEquals(10, history.getItems().size());
        List<String> first = presenter.samplesProperty().stream().map(SampleRun::sentence).toList();
        first.forEach(s -> assertTrue(s.startsWith("el cielo es "), s));
        robot.clickOn("#sample-clear");
        robot.clickOn("#sample-10");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(first, presenter.samplesProperty().stream().map(SampleRun::sentence).toList(), "clear replays the seed");
        robot.clickOn("#sample-1000");
        WaitForAsyncUtils.waitForFxEvents();
        var counts = presenter.countsProperty().get();
        assertEquals(1000, java.util.Arrays.stream(counts.counts()).sum());
        assertEquals(Integer.toString(counts.count(0)), robot.lookup("#count-0").queryAs(Label.class).getText());
        robot.clickOn("#generate");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3 + 5, presenter.getText().size(), "generate continues the sentence by 5");
    }

    @Test
    void theEditorRenamesValidatesAndApplies(FxRobot robot) {
        robot.clickOn("#editor-tab");
        TextField token = robot.lookup("#editor-token-0").queryAs(TextField.class);
        robot.interact(() -> token.setText("cielo"));
        LessonReader.Result draft = view.editor().draft();
        assertFalse(draft.ok());
        assertEquals("vocabulary[1].token", draft.firstProblem().field());
        assertTrue(robot.lookup("#editor-apply").query().isDisabled());
        assertTrue(robot.lookup("#editor-problems").queryAs(Label.class).getText().contains("appears twice"));
        robot.interact(() -> token.setText("celeste"));
        assertTrue(view.editor().draft().ok());
        robot.interact(() -> robot.lookup("#editor-prompt").queryAs(TextField.class).setText("es el celeste"));
        robot.clickOn("#editor-apply");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("celeste", presenter.getLesson().vocabulary().token(0));
        assertEquals(List.of("es", "el", "celeste"), presenter.getText());
        assertTrue(presenter.isDirty());
        robot.clickOn("#editor-add");
        robot.interact(() -> {
            robot.lookup("#editor-token-5").queryAs(TextField.class).setText("gris");
            robot.lookup("#editor-id-5").queryAs(TextField.class).setText("999");
            robot.lookup("#editor-embedding-5").queryAs(javafx.scene.control.TextInputControl.class).setText("0.5, 0.5");
        });
        assertTrue(view.editor().draft().ok(), () -> view.editor().draft().problems().toString());
        robot.clickOn("#editor-apply");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(6, presenter.getLesson().vocabulary().size());
        assertEquals(0.0, presenter.getLesson().f2().get(5));
    }

    @Test
    void saveWritesAValidLessonAndUnsavedEditsAreAskedAbout(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> presenter.setTemperature(0.5));
        assertTrue(presenter.isDirty());
        Path other = dir.resolve("other.json");
        Files.writeString(other, nexttoken.lesson.LessonWriter.toJson(BuiltInLessons.load("part2")));
        AtomicInteger asked = new AtomicInteger();
        robot.interact(() -> {
            view.dialogs().answerUnsavedWith(() -> {
                asked.incrementAndGet();
                return nexttoken.view.window.Dialogs.UnsavedChoice.CANCEL;
            });
            view.files().openFile(other);
        });
        assertEquals(1, asked.get());
        assertEquals(0.5, presenter.getLesson().temperature(), "cancel keeps the edited lesson");
        Path file = dir.resolve("mine.json");
        robot.interact(() -> assertTrue(view.files().saveTo(file)));
        assertFalse(presenter.isDirty());
        LessonReader.Result saved = LessonReader.read(file);
        assertTrue(saved.ok());
        assertEquals(presenter.getLesson(), saved.lesson());
        assertEquals(List.of(file.toAbsolutePath().toString()), settings.recentFiles());
        robot.interact(() -> view.files().openFile(other));
        assertEquals(1, asked.get(), "nothing unsaved, nothing asked");
        assertEquals(BuiltInLessons.load("part2"), presenter.getLesson());
    }
}
