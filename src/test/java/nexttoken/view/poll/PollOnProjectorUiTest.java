package nexttoken.view.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.model.Composition;
import nexttoken.model.NumberText;
import nexttoken.poll.ModelSide;
import nexttoken.poll.PollAddresses;
import nexttoken.poll.RawHttp;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;
import nexttoken.settings.UserSettings;
import nexttoken.view.MainWindow;
import nexttoken.view.Texts;
import nexttoken.view.present.PresenterScreen;
import nexttoken.view.window.KeysSheet;
import nexttoken.view.ProjectorWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The class poll with the presenter screen open (issues 14 and 15): the class looks at the
 * projector window, so the code, the count and the reveal are there, and the teacher runs the
 * poll from the presenter window's keys and buttons. Served on loopback, voted over real HTTP.
 */
@ExtendWith(ApplicationExtension.class)
class PollOnProjectorUiTest {
    private Presenter presenter;
    private MainWindow view;
    private PresenterScreen screen;

    @Start
    void start(Stage stage) {
        presenter = new Presenter(BuiltInLessons.load("part2"), "part2", Locale.ENGLISH);
        view = new MainWindow(presenter, UserSettings.inMemory());
        view.setPollNetworks(() -> List.of(new PollAddresses.Offer("test loopback", InetAddress.getLoopbackAddress())));
        stage.setScene(new Scene(view, 1024, 768));
        stage.show();
    }

    @AfterEach
    void closeAll(FxRobot robot) {
        robot.interact(() -> {
            view.pollHost().close();
            if (screen != null) {
                screen.close();
            }
        });
    }

    private void openScreen(FxRobot robot) {
        robot.interact(() -> screen = view.presenterScreens().openPresenterScreen());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void press(FxRobot robot, Stage stage, KeyCode code) {
        ProjectorWindow.press(robot, stage, code);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static int port(String link) {
        return URI.create(link).getPort();
    }

    private static String votePath(String link) {
        return URI.create(link).getPath() + "/vote";
    }

    /** Reads the projector's QR code with ZXing's reader, as a phone's camera does. */
    private static String decode(javafx.scene.image.Image image) throws Exception {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        return new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                new com.google.zxing.common.HybridBinarizer(new com.google.zxing.RGBLuminanceSource(w, h, argb)))).getText();
    }

    /** Every visible text in the projector window: what the back row can read. */
    private List<String> projectorTexts() {
        List<String> out = new ArrayList<>();
        for (Node n : screen.projectorStage().getScene().getRoot().lookupAll(".label")) {
            if (n instanceof Labeled l && l.getText() != null && n.isVisible() && allParentsVisible(n)) {
                out.add(l.getText());
            }
        }
        return out;
    }

    private static boolean allParentsVisible(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void askedFromThePresenterWindowTheProjectorShowsTheCodeTheCountAndTheReveal(FxRobot robot) throws Exception {
        openScreen(robot);
        robot.interact(() -> presenter.goTo(Step.NORMALIZE));
        Stage teacher = screen.presenterStage();
        Stage projector = screen.projectorStage();
        assertFalse(screen.projectorShowsThePoll());
        assertFalse(teacher.getScene().lookup("#present-poll").isVisible(), "no poll controls before a poll");

        press(robot, teacher, KeyCode.P);
        assertTrue(screen.projectorShowsThePoll(), "the class sees the poll, not the panels");
        assertFalse(screen.projectorPoll().getParent().getChildrenUnmodifiable().get(0).isVisible(), "the lesson is hidden");
        assertNotNull(view.pollView(), "the main window shows the same poll with its controls");
        String link = view.pollView().link();
        assertTrue(link.matches("http://127\\.0\\.0\\.1:\\d+/[2-9a-z]{6}"), link);
        PollBoard board = screen.projectorPoll();
        assertEquals(link, decode(board.code()), "a camera reads the address off the projector");
        assertEquals(link.substring("http://".length()), board.addressText());
        assertEquals("0 voted", board.countText());
        assertTrue(projectorTexts().contains("0 voted"), projectorTexts().toString());
        assertTrue(projectorTexts().contains("el cielo es …?"), projectorTexts().toString());
        assertTrue(teacher.getScene().lookup("#present-poll").isVisible());

        // Five phones: three azul, one frío, one es.
        String[] picks = {"azul", "azul", "azul", "fr%C3%ADo", "es"};
        for (int i = 0; i < picks.length; i++) {
            assertEquals(204, RawHttp.vote(port(link), "127.0.7." + (i + 1), votePath(link), "token=" + picks[i]).status());
        }
        waitFor(() -> board.countText().equals("5 voted"));
        assertTrue(projectorTexts().contains("5 voted"));
        assertEquals("5 voted", ((Label) teacher.getScene().lookup("#present-poll-count")).getText());
        assertFalse(board.showsTheSplit(), "the projector never shows the split before Reveal");
        assertFalse(projectorTexts().stream().anyMatch(t -> t.contains("%")), projectorTexts().toString());

        press(robot, teacher, KeyCode.R);
        assertTrue(board.showsTheSplit(), "R in the presenter window reveals on the projector");
        assertEquals(List.of("● azul", "■ cielo", "▲ frío", "◆ el", "★ es"), board.chart().tokenTexts());
        assertEquals(List.of("60.0 %", "0.0 %", "20.0 %", "0.0 %", "20.0 %"), board.chart().classTexts());
        assertEquals(List.of("42.4 %", "11.9 %", "33.9 %", "3.4 %", "8.5 %"), board.chart().modelTexts());
        ModelSide model = ModelSide.of(Composition.compute(BuiltInLessons.load("part2")));
        List<String> fromTheModel = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fromTheModel.add(NumberText.percent(model.probabilities().get(i), Locale.ENGLISH));
        }
        assertEquals(fromTheModel, board.chart().modelTexts(), "the model's side is the model's probabilities");
        assertTrue(teacher.getScene().lookup("#poll-reveal").isDisabled(), "the presenter window's Reveal is spent");
        assertEquals(410, RawHttp.vote(port(link), "127.0.7.9", votePath(link), "token=azul").status());

        press(robot, projector, KeyCode.B);
        assertTrue(screen.isBlank(), "B still blanks over the poll");
        press(robot, projector, KeyCode.B);
        assertFalse(screen.isBlank());

        robot.interact(() -> ((Button) teacher.getScene().lookup("#poll-close")).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(screen.projectorShowsThePoll(), "Close brings the lesson back");
        assertTrue(screen.projectorPoll().getParent().getChildrenUnmodifiable().get(0).isVisible());
        assertEquals(Step.NORMALIZE, screen.projectorPresenter().getStep(), "at the step reached");
        assertNull(view.pollView());
        assertFalse(teacher.getScene().lookup("#present-poll").isVisible());
        assertThrows(java.net.ConnectException.class, () -> RawHttp.get(port(link), URI.create(link).getPath()),
                "the server stopped");
    }

    @Test
    void theProjectorWindowsKeysAskAndRevealToo(FxRobot robot) throws Exception {
        openScreen(robot);
        Stage projector = screen.projectorStage();
        press(robot, projector, KeyCode.R);
        assertFalse(screen.projectorShowsThePoll(), "R without a poll opens nothing");
        press(robot, projector, KeyCode.P);
        assertTrue(screen.projectorShowsThePoll());
        String link = view.pollView().link();
        assertEquals(204, RawHttp.vote(port(link), "127.0.6.1", votePath(link), "token=cielo").status());
        waitFor(() -> screen.projectorPoll().countText().equals("1 voted"));
        press(robot, projector, KeyCode.P);
        assertEquals(link, view.pollView().link(), "P again keeps the open poll and its votes");
        press(robot, projector, KeyCode.R);
        assertEquals(List.of("0.0 %", "100.0 %", "0.0 %", "0.0 %", "0.0 %"), screen.projectorPoll().chart().classTexts());
        assertEquals("1 voted", view.pollView().countText(), "the main window shows the same votes");
    }

    @Test
    void aFrozenProjectorShowsThePollOnceAsked(FxRobot robot) {
        openScreen(robot);
        robot.interact(screen::freeze);
        press(robot, screen.presenterStage(), KeyCode.P);
        assertFalse(screen.isFrozen(), "the class must see the code, not the frame before it");
        assertTrue(screen.projectorShowsThePoll());
    }

    @Test
    void f1InThePresenterWindowListsThePollKeys(FxRobot robot) {
        openScreen(robot);
        List<KeysSheet.Row> rows = KeysSheet.rows(screen.presenterActions(), new Texts(presenter));
        assertTrue(rows.contains(new KeysSheet.Row("P", "Ask the class")), rows::toString);
        assertTrue(rows.contains(new KeysSheet.Row("R", "reveal the poll: the class beside the model")), rows::toString);
        assertTrue(rows.contains(new KeysSheet.Row("F1", "this sheet of keys (Esc closes it)")), rows::toString);
        press(robot, screen.presenterStage(), KeyCode.F1);
        assertNotNull(screen.keysSheet());
        assertTrue(screen.keysSheet().isShowing());
        press(robot, screen.projectorStage(), KeyCode.F1);
        assertTrue(screen.keysSheet().isShowing(), "the projector window's F1 opens the sheet too");
    }
}
