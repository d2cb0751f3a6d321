package nexttoken.view;

import nexttoken.model.LessonKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import nexttoken.app.NextTokenApp;
import nexttoken.export.PngExport;
import nexttoken.lesson.BadLessonCorpusTest;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.lesson.LessonReader;
import nexttoken.model.Lesson;
import nexttoken.model.Trace;
import nexttoken.model.Values;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;
import nexttoken.presenter.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Hostile files, abuse and a long class: the app keeps going, says what is wrong and loses nothing. */
@ExtendWith(ApplicationExtension.class)
class HardeningUiTest {
    /** The reduced soak of `mvn verify`; `mvn verify -Psoak` runs 100,000 commands. */
    static final int SOAK_COMMANDS = Integer.getInteger("soak.commands", 4000);

    private Presenter presenter;
    private MainWindow view;

    @Start
    void start(Stage stage) {
        presenter = new Presenter(BuiltInLessons.load("part3"), "part3", Locale.ENGLISH);
        view = new MainWindow(presenter);
        view.dialogs().answerUnsavedWith(() -> nexttoken.view.window.Dialogs.UnsavedChoice.DISCARD);
        view.dialogs().answerConfirmWith((title, message) -> true);
        Scene scene = NextTokenApp.createScene(view);
        stage.setScene(scene);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @Test
    void everyBadLessonShowsItsMessageInPlaceAndTheLessonStays(FxRobot robot) {
        robot.interact(() -> presenter.goTo(Step.F2));
        Lesson before = presenter.getLesson();
        Label banner = robot.lookup("#load-problem").queryAs(Label.class);
        for (BadLessonCorpusTest.Case c : BadLessonCorpusTest.corpus()) {
            robot.interact(() -> view.files().openFile(c.file()));
            String expected = LessonReader.read(c.file()).firstProblem().describe(Locale.ENGLISH);
            assertTrue(banner.isVisible(), c.file().toString());
            assertTrue(banner.getText().contains(expected), banner.getText() + " lacks " + expected);
            assertTrue(banner.getText().contains(c.fragment()), banner.getText());
            assertEquals(before, presenter.getLesson(), "the current lesson stays");
            assertEquals(Step.F2, presenter.getStep());
        }
        robot.interact(() -> view.files().switchLanguage(Locale.forLanguageTag("es")));
        BadLessonCorpusTest.Case first = BadLessonCorpusTest.corpus().get(0);
        robot.interact(() -> view.files().openFile(first.file()));
        assertTrue(banner.getText().contains(LessonReader.read(first.file()).firstProblem().describe(Locale.forLanguageTag("es"))),
                "in the reader's language: " + banner.getText());
    }

    @Test
    void overflowsAreExplainedInPlaceNeverShownAsNumbers(FxRobot robot) {
        robot.interact(() -> {
            presenter.setRevealAll(true);
            presenter.setF1Weight(0, 1.7e308);
            presenter.setF1Weight(2, 1.7e308);
        });
        // el's 0.3 × 1.7e308 and cielo's 0.8 × 1.7e308 overflow when added.
        assertEquals(nexttoken.model.ProblemKind.F1_NOT_FINITE, presenter.getTrace().problem().kind());
        assertTrue(view.weightedSum().lookupAll(".equation").stream()
                .anyMatch(n -> ((Label) n).getText().contains("overflows")), "f1 says it overflows");
        robot.interact(() -> checkScreen(view));
        robot.interact(() -> {
            presenter.resetToLesson();
            presenter.setF2Weight(0, 1e308);
            presenter.setF1Weight(4, 1e300);
        });
        assertEquals(nexttoken.model.ProblemKind.LOGIT_NOT_FINITE, presenter.getTrace().problem().kind());
        assertEquals("—", view.logits().bars().valueTextOf("azul"));
        robot.interact(() -> checkScreen(view));
    }

    @Test
    void fieldsRefuseWhatIsNotAValueAndSayWhy(FxRobot robot) {
        robot.clickOn("#controls-tab");
        for (String[] entry : new String[][] {{"#temperature-field", "-1"}, {"#top-p-field", "1.5"}, {"#top-p-field", "0"},
                {"#top-k-field", "2.5"}, {"#f1-0-field", "1e308"}, {"#f2-1-field", "12abc"}, {"#seed", "NaN"}}) {
            Lesson before = presenter.getLesson();
            NumberField field = robot.lookup(entry[0]).queryAs(NumberField.class);
            robot.interact(() -> {
                field.requestFocus();
                field.setText(entry[1]); // as typed or pasted
                field.fireEvent(new javafx.event.ActionEvent());
            });
            assertEquals(before, presenter.getLesson(), entry[0] + " refused " + entry[1]);
            assertTrue(field.getStyleClass().contains("invalid"), entry[0]);
            assertTrue(field.getTooltip() != null && !field.getTooltip().getText().isEmpty(), entry[0] + " says why");
        }
    }

    @Test
    void aDroppedMainWindowIsCollected(FxRobot robot) {
        // The presenter outlives its views; views must hold it, not the other way round.
        List<WeakReference<MainWindow>> views = new ArrayList<>();
        robot.interact(() -> {
            for (int i = 0; i < 5; i++) {
                MainWindow v = new MainWindow(presenter);
                new Scene(v, 800, 600);
                v.applyCss();
                v.layout();
                views.add(new WeakReference<>(v));
            }
        });
        for (int i = 0; i < 20 && views.stream().anyMatch(w -> w.get() != null); i++) {
            System.gc();
            WaitForAsyncUtils.sleep(50, java.util.concurrent.TimeUnit.MILLISECONDS);
            robot.interact(() -> presenter.next()); // listeners are pruned as the presenter fires
        }
        views.forEach(w -> assertNull(w.get(), "a MainWindow stayed reachable"));
    }

    @Test
    void soak(FxRobot robot, @TempDir Path dir) throws Exception {
        Random random = new Random(2026);
        List<String> lessons = BuiltInLessons.fileIds(); // the 100,000-token lesson has its own heap test (ScaleUiTest)
        List<Path> bad = BadLessonCorpusTest.corpus().stream().map(BadLessonCorpusTest.Case::file).toList();
        int batch = 250;
        long baseline = -1;
        for (int done = 0; done < SOAK_COMMANDS; done += batch) {
            int count = Math.min(batch, SOAK_COMMANDS - done);
            int offset = done;
            robot.interact(() -> {
                for (int i = 0; i < count; i++) {
                    command(random, lessons, bad, dir, offset + i);
                    checkTrace(presenter.getTrace());
                }
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> checkScreen(view));
            if (done == batch * 2) {
                baseline = Heap.usedAfterGc();
            }
        }
        robot.interact(() -> presenter.load(BuiltInLessons.load("part3"), "part3"));
        WaitForAsyncUtils.waitForFxEvents();
        long end = Heap.usedAfterGc();
        assertTrue(baseline < 0 || end < baseline + 48L * 1024 * 1024,
                "heap grew from " + baseline / 1_048_576 + " MB to " + end / 1_048_576 + " MB");
    }

    private void command(Random random, List<String> lessons, List<Path> bad, Path dir, int n) {
        Lesson l = presenter.getLesson();
        switch (random.nextInt(20)) {
            case 0, 1, 2, 3 -> presenter.next();
            case 4, 5 -> presenter.back();
            case 6 -> presenter.goToNumber(1 + random.nextInt(9));
            case 7 -> {
                if (l.attention() != null) {
                    // An attention lesson's draggable numbers are its learned positions (PositionsView).
                    presenter.session().lessons().moveLearnedPosition(
                            random.nextInt(l.attention().learnedPositions().rows()), weight(random), weight(random));
                } else {
                    presenter.setF1Weight(random.nextInt(l.f1().size()), weight(random));
                }
            }
            case 8 -> {
                if (l.attention() != null) {
                    // f1 and f2 have no sliders here: a stray call must change nothing, not throw.
                    presenter.setF1Weight(random.nextInt(3), weight(random));
                    presenter.setF2Weight(random.nextInt(l.vocabulary().size()), weight(random));
                    assertEquals(l, presenter.getLesson(), "f1/f2 edits changed an attention lesson");
                } else if (l.kind() != LessonKind.LOOKUP) {
                    presenter.setF2Weight(random.nextInt(l.f2().size()), weight(random));
                }
            }
            case 9 -> {
                if (l.vocabulary().embeddingLength() == 2) {
                    presenter.moveEmbedding(random.nextInt(l.vocabulary().size()), weight(random), weight(random));
                }
            }
            case 10 -> presenter.setTemperature(random.nextInt(4) == 0 ? 0 : random.nextDouble() * 5);
            case 11 -> presenter.setTopK(random.nextInt(7));
            case 12 -> presenter.setTopP(0.01 + random.nextDouble() * 0.99);
            case 13 -> {
                if (random.nextInt(10) == 0) {
                    view.files().openFile(bad.get(random.nextInt(bad.size())));
                } else {
                    String id = lessons.get(random.nextInt(lessons.size()));
                    presenter.load(BuiltInLessons.load(id), id);
                }
            }
            case 14 -> {
                presenter.commitEdit();
                presenter.undo();
            }
            case 15 -> presenter.resetToLesson();
            case 16 -> {
                presenter.sampleOnce();
                if (random.nextInt(20) == 0) {
                    presenter.sampleCounts(200);
                }
            }
            case 17 -> presenter.trainStep();
            case 18 -> {
                if (n % 7 == 0) {
                    presenter.setTheme(Theme.values()[random.nextInt(3)]);
                } else if (n % 11 == 0) {
                    view.files().switchLanguage(random.nextBoolean() ? Locale.ENGLISH : Locale.forLanguageTag("es"));
                } else {
                    presenter.setRevealAll(random.nextBoolean());
                }
            }
            default -> {
                if (n % 40 == 0) {
                    view.setExportOptions(new PngExport.Options(1, PngExport.Background.WHITE));
                    StepView v = view.visibleViews().get(random.nextInt(view.visibleViews().size()));
                    view.exports().exportViewTo(v, dir.resolve("soak.png"));
                } else {
                    presenter.generate(1 + random.nextInt(3));
                    presenter.home();
                }
            }
        }
    }

    /** Weights anywhere from ordinary to absurd, as students type them. */
    private static double weight(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> (random.nextBoolean() ? 1 : -1) * Math.pow(10, random.nextInt(616) - 308);
            case 1 -> random.nextBoolean() ? 1e308 : -1e308;
            default -> random.nextDouble() * 10 - 5;
        };
    }

    private static void checkTrace(Trace t) {
        if (t.input() != null) {
            assertFinite(t.input().x());
        }
        if (t.normalization() != null) {
            assertFinite(t.normalization().probabilities());
            assertFinite(t.filter().probabilities());
            assertEquals(1.0, t.filter().probabilities().sum(), 1e-9);
        }
        if (t.f2() != null && t.problem() == null) {
            assertFinite(t.f2().logits());
        }
        if (t.attention() != null && t.problem() == null) {
            assertFinite(t.attention().h());
            for (var head : t.attention().heads()) {
                for (int i = 0; i < head.weights().size(); i++) {
                    assertFinite(head.weights().get(i));
                    assertEquals(1.0, head.weightSum(i), 1e-9, "attention row " + i);
                }
            }
        }
    }

    private static void assertFinite(Values v) {
        for (int i = 0; i < v.size(); i++) {
            assertTrue(Double.isFinite(v.get(i)), "non-finite value " + v.get(i));
        }
    }

    /** No NaN or Infinity in any text on screen. */
    private static void checkScreen(Node node) {
        if (node instanceof Labeled l && l.getText() != null) {
            String t = l.getText();
            assertTrue(!t.contains("NaN") && !t.contains("Infinity") && !t.contains("∞") && !t.matches("(?s).*\\binf\\b.*"),
                    "on screen: " + t);
        }
        if (node instanceof javafx.scene.text.Text t && t.getText() != null) {
            assertTrue(!t.getText().contains("NaN") && !t.getText().contains("Infinity"), "on screen: " + t.getText());
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(HardeningUiTest::checkScreen);
        }
    }
}
