package nexttoken.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.stage.Stage;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The attention lessons' own panels in the real window at 1024×768: q, k and v with their products,
 * the heads' sums and the residual, the feed-forward step with its ReLU-cut unit, h · f2ᵢ, and h as an
 * arrow in the scatter — every number the model's, each panel "not yet" until its step.
 */
@ExtendWith(ApplicationExtension.class)
class AttentionViewsUiTest {
    private Presenter presenter;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        presenter = new Presenter(BuiltInLessons.load("part6"), "part6", Locale.ENGLISH);
        ProjectorWindow.show(stage, new MainWindow(presenter));
    }

    private void open(FxRobot robot, String lesson) {
        robot.interact(() -> presenter.load(BuiltInLessons.load(lesson), lesson));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void goTo(FxRobot robot, Step step) {
        robot.interact(() -> presenter.goTo(step));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T extends javafx.scene.Node> T view(FxRobot robot, String styleClass, Class<T> type) {
        return robot.lookup("." + styleClass).queryAs(type);
    }

    @Test
    void part6QkvShowsEachWordsVectorsAndWritesOutTheProductsOfTheWordClicked(FxRobot robot) {
        goTo(robot, Step.ATTENTION);
        QkvView qkv = view(robot, "qkv-view", QkvView.class);
        assertTrue(qkv.isRevealed());
        goTo(robot, Step.POSITIONS);
        assertFalse(qkv.isRevealed(), "q, k and v wait for the attention step");
        goTo(robot, Step.ATTENTION);
        assertEquals("es ₂", qkv.cellText(2, 0));
        assertEquals("[1.1, −0.1]", qkv.cellText(2, 1));
        assertEquals("[2.2, −0.2]", qkv.cellText(2, 2));
        assertEquals("[1.1, −0.1]", qkv.cellText(2, 3));
        assertEquals("[−0.2, 2.2]", qkv.cellText(2, 4));
        assertEquals("[2.6, −0.2]", qkv.cellText(1, 2));
        assertEquals(List.of("q₂ = x₂·Wq = [1.1 × 2.0 + (−0.1) × 0.0, 1.1 × 0.0 + (−0.1) × 2.0] = [2.2, −0.2]",
                "k₂ = x₂·Wk = [1.1 × 1.0 + (−0.1) × 0.0, 1.1 × 0.0 + (−0.1) × 1.0] = [1.1, −0.1]",
                "v₂ = x₂·Wv = [1.1 × 0.0 + (−0.1) × 2.0, 1.1 × 2.0 + (−0.1) × 0.0] = [−0.2, 2.2]"), qkv.productLines());
        robot.clickOn(robot.lookup(".qkv-cell").nth(5).queryLabeled()); // the first cell of "cielo"'s row
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("q₁ = x₁·Wq = [1.3 × 2.0 + (−0.1) × 0.0, 1.3 × 0.0 + (−0.1) × 2.0] = [2.6, −0.2]",
                qkv.productLines().get(0));
        assertTrue(robot.lookup("#qkv-head-1").queryAll().isEmpty(), "one head: nothing to switch");
        // 2.2 is 1.1 × 2.0 to the last bit: no tooltip pretends there are hidden digits.
        assertNull(qkv.cellTip(2, 2));
    }

    @Test
    void part7HasAHeadSwitchAndTheExactValueOneHoverAway(FxRobot robot) {
        open(robot, "part7");
        goTo(robot, Step.ATTENTION);
        QkvView qkv = view(robot, "qkv-view", QkvView.class);
        assertEquals("[−0.65]", qkv.cellText(2, 2), "head 1: q₂ = 1.1 × (−0.5) + (−0.1) × 1.0");
        robot.clickOn("#qkv-head-2");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, qkv.head());
        assertEquals("[−1.0]", qkv.cellText(2, 2), "head 2: q₂ = 1.1 × (−1.0) + (−0.1) × (−1.0)");
        assertEquals("[0.3]", qkv.cellText(0, 2));
        assertEquals("[0.55]", qkv.cellText(1, 3));
        // x₁ + PE: 0.8 + 0.5 reads 1.3 and is 1.3 in binary too; q₀ = 0.3 × (−1.0) + (−0.6) × (−1.0) is not 0.3 to the bit.
        double q0 = presenter.getTrace().attention().heads().get(1).queries().get(0, 0);
        assertEquals(nexttoken.model.NumberText.isRounded(q0) ? "[" + nexttoken.model.NumberText.exactScreen(q0, Locale.ENGLISH) + "]" : null,
                qkv.cellTip(0, 2));
    }

    @Test
    void part7QkvAndTheMapShowOneHeadWhicheverSwitchIsUsed(FxRobot robot) {
        open(robot, "part7");
        goTo(robot, Step.ATTENTION);
        QkvView qkv = view(robot, "qkv-view", QkvView.class);
        AttentionMapView map = view(robot, "attention-map-view", AttentionMapView.class);
        robot.clickOn("#qkv-head-2");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, map.data().head(), "q/k/v's switch moves the map");
        assertTrue(((javafx.scene.control.ToggleButton) robot.lookup("#map-head-2").query()).isSelected());
        robot.clickOn("#map-head-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, qkv.head(), "the map's switch moves q/k/v");
        assertEquals("[−0.65]", qkv.cellText(2, 2), "head 1's q₂");
        assertTrue(((javafx.scene.control.ToggleButton) robot.lookup("#qkv-head-1").query()).isSelected());
        assertFalse(((javafx.scene.control.ToggleButton) robot.lookup("#qkv-head-2").query()).isSelected());
    }

    @Test
    void part7HeadsShowWhereEsLooksTheSumsWOAndTheResidual(FxRobot robot) {
        open(robot, "part7");
        goTo(robot, Step.HEADS);
        HeadOutputsView heads = view(robot, "head-outputs-view", HeadOutputsView.class);
        FeedForwardView ff = view(robot, "feed-forward-view", FeedForwardView.class);
        assertTrue(heads.isRevealed());
        assertFalse(ff.isRevealed(), "the feed-forward step is not reached yet");
        List<String> text = heads.shownText();
        assertEquals("Head 1: \"es\" looks at:", text.get(0));
        assertEquals("el 0.3260 cielo 0.3260 es 0.3479", text.get(1));
        assertEquals("o = a₂₀ × v₀ + a₂₁ × v₁ + a₂₂ × v₂ = 0.3260 × [0.15] + 0.3260 × [−0.6] + 0.3479 × [−0.5] ≈ [−0.3207]",
                text.get(2));
        assertEquals("el 0.5636 cielo 0.2073 es 0.2291", text.get(4));
        assertTrue(text.contains("[−0.3207, 0.1544]·W_O = [(−0.3207) × 0.5 + 0.1544 × 1.0, (−0.3207) × 0.5 + 0.1544 × 1.0]"
                + " ≈ [−0.005919, −0.005919]"), text.toString());
        assertEquals("r = x₂ + [−0.005919, −0.005919] = [1.1, −0.1] + [−0.005919, −0.005919] ≈ [1.094, −0.1059]",
                text.get(text.size() - 1));
    }

    @Test
    void pickingAWordOnTheMapOrInTheHeadsPanelWritesOutWhatEachHeadGivesIt(FxRobot robot) {
        goTo(robot, Step.ATTENTION);
        AttentionMapView map = view(robot, "attention-map-view", AttentionMapView.class);
        assertEquals("a₂ = softmax(s₂₀, s₂₁, s₂₂) = softmax(0.5515, 2.036, 1.725) = (0.1156, 0.5104, 0.3740)",
                map.substitutionText(), "the last word's row until another is picked");
        robot.clickOn(map.grid().rowHead(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("a₁ = softmax(s₁₀, s₁₁) = softmax(0.6364, 2.404) = (0.1458, 0.8542)", map.substitutionText());
        assertTrue(map.grid().rowHead(1).getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("selected")));

        goTo(robot, Step.HEADS);
        HeadOutputsView heads = view(robot, "head-outputs-view", HeadOutputsView.class);
        assertEquals(1, heads.shownWord());
        List<String> cielo = heads.shownText();
        assertEquals("\"cielo\" looks at:", cielo.get(0));
        assertEquals("el 0.1458 cielo 0.8542", cielo.get(1));
        assertEquals("o = a₁₀ × v₀ + a₁₁ × v₁ = 0.1458 × [−1.2, 0.6] + 0.8542 × [−0.2, 2.6] ≈ [−0.3458, 2.308]",
                cielo.get(2));
        assertEquals("Only the last word, \"es\", goes on to W_O and r: these lines are its.",
                cielo.get(3));
        assertTrue(((javafx.scene.control.ToggleButton) robot.lookup("#heads-word-2").query()).isSelected());

        robot.clickOn("#heads-word-1");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> el = heads.shownText();
        assertEquals("el 1.0", el.get(1));
        assertEquals("o = a₀₀ × v₀ = 1.0 × [−1.2, 0.6] = [−1.2, 0.6]", el.get(2));
        assertEquals(cielo.get(cielo.size() - 1), el.get(el.size() - 1), "r is the last word's whichever word is picked");

        robot.clickOn("#heads-word-3");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> es = heads.shownText();
        assertEquals("el 0.1156 cielo 0.5104 es 0.3740", es.get(1));
        assertFalse(es.stream().anyMatch(line -> line.startsWith("Only the last word")), es.toString());
        assertEquals(2, heads.shownWord());
        goTo(robot, Step.ATTENTION);
        assertTrue(map.grid().rowHead(2).getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("selected")),
                "the map marks the word the heads panel picked");
    }

    @Test
    void part7PickedWordGetsBothHeadsSums(FxRobot robot) {
        open(robot, "part7");
        goTo(robot, Step.ATTENTION);
        AttentionMapView map = view(robot, "attention-map-view", AttentionMapView.class);
        robot.clickOn(map.grid().cell(1, 0));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(map.substitutionText().startsWith("q₁ · k₀ = "), map.substitutionText());
        goTo(robot, Step.HEADS);
        List<String> text = view(robot, "head-outputs-view", HeadOutputsView.class).shownText();
        assertEquals("Head 1: \"cielo\" looks at:", text.get(0));
        assertEquals("el 0.5 cielo 0.5", text.get(1));
        assertEquals("o = a₁₀ × v₀ + a₁₁ × v₁ = 0.5 × [0.15] + 0.5 × [−0.6] = [−0.225]", text.get(2));
        assertEquals("el 0.7685 cielo 0.2315", text.get(4));
        assertEquals("o = a₁₀ × v₀ + a₁₁ × v₁ = 0.7685 × [−0.15] + 0.2315 × [0.6] ≈ [0.02361]", text.get(5));
    }

    @Test
    void part7FeedForwardMarksTheUnitReluCutToZero(FxRobot robot) {
        open(robot, "part7");
        goTo(robot, Step.FEED_FORWARD);
        FeedForwardView ff = view(robot, "feed-forward-view", FeedForwardView.class);
        assertTrue(ff.isRevealed());
        List<FeedForwardView.UnitShown> units = ff.units();
        assertEquals(2, units.size());
        assertEquals("z₁ = 0.1059  →  u₁ = 0.1059", units.get(0).text());
        assertFalse(units.get(0).markedCut());
        assertEquals("z₂ = −1.2  →  u₂ = 0.0  ✂ cut to 0 by ReLU", units.get(1).text());
        assertTrue(units.get(1).markedCut());
        List<String> lines = ff.shownLines();
        assertEquals("u = ReLU(z) = max(0, [0.1059, −1.2]) = [0.1059, 0.0]", lines.get(1));
        assertEquals("h = r + f = [1.094, −0.1059] + [0.05296, 0.0] ≈ [1.147, −0.1059]", lines.get(lines.size() - 1));
        // The cut unit is drawn apart: its frame takes the warning colour, not the plain border.
        javafx.scene.control.Label cut = (javafx.scene.control.Label) robot.lookup(".relu-unit").nth(1).query();
        javafx.scene.control.Label kept = (javafx.scene.control.Label) robot.lookup(".relu-unit").nth(0).query();
        assertFalse(cut.getBackground() == null || cut.getBackground().getFills().isEmpty(), "the cut unit is filled");
        assertTrue(kept.getBackground() == null || kept.getBackground().getFills().isEmpty()
                || !kept.getBackground().getFills().get(0).getFill().equals(cut.getBackground().getFills().get(0).getFill()));
    }

    @Test
    void part6WithoutAFeedForwardStepShowsHEqualsRWithTheHeads(FxRobot robot) {
        goTo(robot, Step.HEADS);
        assertTrue(robot.lookup(".feed-forward-view").queryAll().isEmpty(),
                "part6 walks no feed-forward step: no panel only to say so");
        HeadOutputsView heads = view(robot, "head-outputs-view", HeadOutputsView.class);
        List<String> text = heads.shownText();
        assertEquals("el 0.1156 cielo 0.5104 es 0.3740", text.get(1));
        assertEquals("h = r = [0.7844, 2.119]", text.get(text.size() - 1), "h = r closes the heads' panel");
        javafx.scene.layout.Region grid = robot.lookup(".view-grid").queryAs(javafx.scene.layout.Region.class);
        assertTrue(heads.getWidth() > 0.9 * grid.getWidth(), heads.getWidth() + " of " + grid.getWidth());
        // The type is larger than beside a feed-forward panel.
        double alone = robot.lookup("#heads-residual").queryLabeled().getFont().getSize();
        open(robot, "part7");
        goTo(robot, Step.HEADS);
        double beside = robot.lookup("#heads-residual").queryLabeled().getFont().getSize();
        assertTrue(alone > beside * 1.2, alone + " vs " + beside);
    }

    @Test
    void part6HIsAnArrowAlongWhichAzulPointsMost(FxRobot robot) {
        goTo(robot, Step.ATTENTION);
        EmbeddingScatterView early = view(robot, "embedding-scatter-view", EmbeddingScatterView.class);
        assertNull(early.hArrowInScene(), "h is not drawn before it is computed");
        goTo(robot, Step.F2);
        EmbeddingScatterView scatter = view(robot, "embedding-scatter-view", EmbeddingScatterView.class);
        Point2D[] arrow = scatter.hArrowInScene();
        assertNotNull(arrow);
        double hx = presenter.getTrace().attention().h().get(0);
        double hy = presenter.getTrace().attention().h().get(1);
        double dx = arrow[1].getX() - arrow[0].getX();
        double dy = arrow[0].getY() - arrow[1].getY(); // the screen's y runs down
        // Drawn to one scale across and up: the arrow on screen points exactly as h does.
        assertEquals(Math.atan2(hy, hx), Math.atan2(dy, dx), Math.toRadians(0.5));
        assertTrue(Math.hypot(dx, dy) > 100, "long enough to see from the back: " + Math.hypot(dx, dy));
        int azul = presenter.getLesson().vocabulary().indexOf("azul").getAsInt();
        assertEquals(azul, scatter.markedAlongH());
        assertEquals(azul, presenter.getTrace().f2().top());
        LogitsView logits = view(robot, "logits-view", LogitsView.class);
        assertTrue(logits.equationText().startsWith("logit(azul) = h · e(azul) = 0.7844 × (−0.2) + 2.119 × 0.9 ≈ 1.750"),
                logits.equationText());
        assertEquals("1.750", logits.bars().valueTextOf("azul"));
    }

    @Test
    void spanishPart6WritesDecimalCommas(FxRobot robot) {
        robot.interact(() -> presenter.setLanguage(Locale.forLanguageTag("es")));
        goTo(robot, Step.HEADS);
        HeadOutputsView heads = view(robot, "head-outputs-view", HeadOutputsView.class);
        assertEquals("«es» mira a:", heads.shownText().get(0));
        assertEquals("el 0,1156 cielo 0,5104 es 0,3740", heads.shownText().get(1));
        robot.interact(() -> presenter.setLanguage(Locale.ENGLISH));
    }

    @Test
    void everyTextOfTheseViewsIsWholeAndLargeEnoughAtEveryStepOfPart6AndPart7(FxRobot robot) {
        List<String> problems = new java.util.ArrayList<>();
        for (String lesson : List.of("part6", "part7")) {
            open(robot, lesson);
            for (Step step : presenter.path()) {
                goTo(robot, step);
                // This branch's panels; the others (tokens, positions, map) are attention-app's tests'.
                for (String panel : List.of("qkv-view", "head-outputs-view", "feed-forward-view", "logits-view",
                        "embedding-scatter-view", "distribution-view")) {
                    for (javafx.scene.Node n : robot.lookup("." + panel).queryAll()) {
                        problems.addAll(ScreenReader.problems((javafx.scene.Parent) n, lesson + " at " + step));
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
