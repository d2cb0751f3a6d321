package nexttoken.view.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.model.Composition;
import nexttoken.model.NumberText;
import nexttoken.model.Normalization;
import nexttoken.poll.ModelSide;
import nexttoken.poll.PollAddresses;
import nexttoken.poll.RawHttp;
import nexttoken.presenter.Presenter;
import nexttoken.settings.UserSettings;
import nexttoken.view.MainWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Ask the class" in the real window, served on loopback (which the app itself never offers). */
@ExtendWith(ApplicationExtension.class)
class PollUiTest {
    private Presenter presenter;
    private MainWindow view;
    private UserSettings settings;
    private final List<PollAddresses.Offer> networks = new ArrayList<>(
            List.of(new PollAddresses.Offer("test loopback", InetAddress.getLoopbackAddress())));

    @Start
    void start(Stage stage) {
        settings = UserSettings.inMemory();
        presenter = new Presenter(BuiltInLessons.load("part2"), "part2", Locale.ENGLISH);
        view = new MainWindow(presenter, settings);
        view.setPollNetworks(() -> List.copyOf(networks));
        nexttoken.view.ProjectorWindow.show(stage, view);
    }

    /** Reads the QR code as the projector shows it, with ZXing's own reader (a phone's camera app does the same). */
    private static String decodeQr(PollView poll) throws Exception {
        javafx.scene.image.ImageView qr = (javafx.scene.image.ImageView) poll.lookup(".poll-qr").lookup(".image-view");
        javafx.scene.image.Image image = qr.getImage();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        com.google.zxing.BinaryBitmap bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                new com.google.zxing.RGBLuminanceSource(w, h, argb)));
        return new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText();
    }

    private static int port(String link) {
        return URI.create(link).getPort();
    }

    private static String path(String link) {
        return URI.create(link).getPath();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> percents(Iterable<String> texts) {
        List<String> out = new ArrayList<>();
        texts.forEach(out::add);
        return out;
    }

    private boolean anyTextOnScreenContains(String fragment) {
        return view.pollView().lookupAll(".label").stream().filter(Node::isVisible)
                .anyMatch(n -> n instanceof Labeled l && l.getText() != null && l.getText().contains(fragment));
    }

    @Test
    void thirtyPhonesVoteTheCountMovesTheRevealSetsTheClassBesideTheModel(FxRobot robot) throws Exception {
        robot.type(KeyCode.P);
        WaitForAsyncUtils.waitForFxEvents();
        PollView poll = view.pollView();
        assertNotNull(poll);
        assertSame(poll, view.getCenter());
        assertTrue(poll.isServing());
        String link = poll.link();
        assertTrue(link.matches("http://127\\.0\\.0\\.1:\\d+/[2-9a-z]{6}"), link);
        assertEquals(link.substring(7), poll.addressText(), "the address to type, without http://");
        assertEquals("0 voted", poll.countText());
        assertEquals("127.0.0.1", settings.pollAddress(), "the network is remembered");
        assertEquals(link, decodeQr(poll), "a camera reads the address off the projector's code");

        // 30 phones: 14 azul, 9 frío, 4 cielo, 2 es, 1 el; three of them change their minds.
        String[] picks = new String[30];
        for (int i = 0; i < 30; i++) {
            picks[i] = i < 14 ? "azul" : i < 23 ? "fr%C3%ADo" : i < 27 ? "cielo" : i < 29 ? "es" : "el";
        }
        for (int i = 0; i < 30; i++) {
            String first = i < 3 ? "token=el" : "token=" + picks[i];
            assertEquals(204, RawHttp.vote(port(link), "127.0.9." + (i + 1), path(link) + "/vote", first).status());
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(204, RawHttp.vote(port(link), "127.0.9." + (i + 1), path(link) + "/vote", "token=" + picks[i]).status());
        }
        waitFor(() -> poll.countText().equals("30 voted"));
        assertFalse(anyTextOnScreenContains("%"), "no split before the reveal");

        robot.clickOn("#poll-reveal");
        WaitForAsyncUtils.waitForFxEvents();
        PollRevealChart chart = poll.chart();
        assertEquals(List.of("● azul", "■ cielo", "▲ frío", "◆ el", "★ es"), chart.tokenTexts());
        assertEquals(List.of("46.7 %", "13.3 %", "30.0 %", "3.3 %", "6.7 %"), chart.classTexts());
        assertEquals(List.of("42.4 %", "11.9 %", "33.9 %", "3.4 %", "8.5 %"), chart.modelTexts());
        assertEquals(410, RawHttp.vote(port(link), "127.0.9.99", path(link) + "/vote", "token=azul").status(),
                "voting ended with the reveal");

        List<Double> normHeights = chart.modelBarHeights();
        robot.interact(() -> {
            presenter.setNormalization(Normalization.SOFTMAX);
            presenter.setTemperature(1000);
        });
        WaitForAsyncUtils.waitForFxEvents();
        ModelSide expected = ModelSide.of(Composition.compute(BuiltInLessons.load("part2")
                .withNormalization(Normalization.SOFTMAX).withTemperature(1000)));
        List<String> expectedTexts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expectedTexts.add(NumberText.percent(expected.probabilities().get(i), Locale.ENGLISH));
        }
        assertEquals(expectedTexts, chart.modelTexts(), "the model's side follows the temperature");
        assertEquals(List.of("46.7 %", "13.3 %", "30.0 %", "3.3 %", "6.7 %"), chart.classTexts(), "the class's stays");
        assertNotEquals(normHeights, chart.modelBarHeights());
        robot.interact(() -> presenter.setTemperature(0.001));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("100.0 %", "0.0 %", "0.0 %", "0.0 %", "0.0 %"), chart.modelTexts(), "sharpened to greedy");

        // Close is pressed through the button itself: under TestFX's headless robot the pointer's click after the
        // chart checks does not reach it (in the real window under Xvfb a click on Close after Reveal closes the poll).
        robot.interact(() -> ((javafx.scene.control.Button) robot.lookup("#poll-close").query()).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(view.pollView());
        assertNotEquals(poll, view.getCenter());
        assertThrows(java.net.ConnectException.class, () -> RawHttp.get(port(link), path(link)), "the server stopped");
    }

    @Test
    void theKeyRRevealsFromTheClickerSideOfTheRoom(FxRobot robot) throws Exception {
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(view.pollView(), "R without a poll opens nothing");
        robot.type(KeyCode.P);
        WaitForAsyncUtils.waitForFxEvents();
        PollView poll = view.pollView();
        String link = poll.link();
        for (int i = 0; i < 4; i++) {
            String token = i < 3 ? "azul" : "es";
            assertEquals(204, RawHttp.vote(port(link), "127.0.8." + (i + 1), path(link) + "/vote", "token=" + token).status());
        }
        waitFor(() -> poll.countText().equals("4 voted"));
        assertEquals("Ends voting and shows the class beside the model (R)",
                ((javafx.scene.control.Button) poll.lookup("#poll-reveal")).getTooltip().getText());
        assertFalse(poll.poll().isRevealed());
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(poll.poll().isRevealed(), "R reveals, as the button does");
        assertEquals(List.of("75.0 %", "0.0 %", "0.0 %", "0.0 %", "25.0 %"), poll.chart().classTexts());
        assertEquals(List.of("42.4 %", "11.9 %", "33.9 %", "3.4 %", "8.5 %"), poll.chart().modelTexts());
        assertTrue(poll.lookup("#poll-reveal").isDisabled());
        assertEquals(410, RawHttp.vote(port(link), "127.0.8.9", path(link) + "/vote", "token=azul").status());
        robot.interact(poll::close);
    }

    @Test
    void withoutANetworkItSaysWhatToTryAndServesNothing(FxRobot robot) {
        networks.clear();
        robot.clickOn("#ask-class");
        WaitForAsyncUtils.waitForFxEvents();
        PollView poll = view.pollView();
        assertFalse(poll.isServing());
        assertTrue(poll.problemText().contains("hotspot"), poll.problemText());
        assertTrue(poll.lookup("#poll-reveal").isDisabled());
        robot.clickOn("#poll-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(view.pollView());
    }

    @Test
    void theHelpSentenceAndTheRememberedNetworkAreThere(FxRobot robot) throws Exception {
        networks.add(0, new PollAddresses.Offer("second loopback", InetAddress.getByName("127.0.0.5")));
        settings.setPollAddress("127.0.0.1");
        robot.interact(view::askTheClass);
        PollView poll = view.pollView();
        assertTrue(poll.link().startsWith("http://127.0.0.1:"), "the remembered network, not the first");
        assertTrue(anyTextOnScreenContains("School networks often keep devices apart"));
        assertEquals(2, poll.offeredNetworks().size());
        robot.interact(poll::close);
    }

    @Test
    void aHostileLessonsTokensAreTextOnTheProjectorAndItsVotesCount(FxRobot robot, @org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = nexttoken.poll.HostileLessonAccess.write(dir);
        nexttoken.lesson.LessonReader.Result hostile = nexttoken.lesson.LessonReader.read(file);
        assertTrue(hostile.ok());
        robot.interact(() -> presenter.load(hostile.lesson(), file.toString()));
        robot.interact(view::askTheClass);
        PollView poll = view.pollView();
        String token = nexttoken.poll.HostileLessonAccess.TOKENS.get(2);
        assertEquals(204, RawHttp.vote(port(poll.link()), "127.0.9.1", path(poll.link()) + "/vote",
                "token=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)).status());
        assertEquals(400, RawHttp.vote(port(poll.link()), "127.0.9.2", path(poll.link()) + "/vote", "token=azul").status());
        assertTrue(anyTextOnScreenContains("&amp; <b>azul</b> …?"), "the prompt exactly as written");
        robot.interact(poll::reveal);
        assertEquals("▲ " + token, poll.chart().tokenTexts().get(2));
        assertEquals("100.0 %", poll.chart().classTexts().get(2));
        robot.interact(poll::close);
    }

    @Test
    void anotherLessonEndsThePollItsVotesBelongToTheOldTokens(FxRobot robot) throws Exception {
        robot.interact(view::askTheClass);
        PollView poll = view.pollView();
        String link = poll.link();
        robot.interact(() -> presenter.load(BuiltInLessons.load("part3-en"), "part3-en"));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(view.pollView());
        assertThrows(java.net.ConnectException.class, () -> RawHttp.get(port(link), path(link)));
    }
}
