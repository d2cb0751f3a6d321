package nexttoken.presenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import nexttoken.lesson.BuiltInLessons;
import org.junit.jupiter.api.Test;

/** The session's copy is where export draws: same place, and nothing flows back. */
class SessionTest {

    @Test
    void aCopyIsAtTheSamePlaceWithTheSameNumbers() {
        Session live = new Session(BuiltInLessons.load("part2"), "part2", Locale.ENGLISH);
        live.lessons().setF1Weight(1, 2.0);
        live.walk().goTo(Step.SAMPLE);
        live.search().highlight("frío");
        Session copy = live.copy();
        assertEquals(live.lessons().get(), copy.lessons().get());
        assertEquals(Step.SAMPLE, copy.walk().getStep());
        assertEquals(live.walk().getSampledIndex(), copy.walk().getSampledIndex());
        assertEquals(578 + 700 + 1047.0, copy.walk().getTrace().f1().value());
        assertEquals(live.search().getHighlightedToken(), copy.search().getHighlightedToken());
    }

    @Test
    void revealingOrSteppingTheCopyLeavesTheLiveSessionAlone() {
        Session live = new Session(BuiltInLessons.load("part3"), "part3", Locale.ENGLISH);
        live.walk().generate(2);
        List<String> text = live.walk().getText();
        int revision = live.revision().get();
        Session copy = live.copy();
        copy.walk().setRevealAll(true);
        copy.walk().generate(3);
        copy.lessons().setTemperature(3.0);
        assertFalse(live.walk().revealAllProperty().get());
        assertEquals(text, live.walk().getText());
        assertEquals(1.0, live.lessons().get().temperature());
        assertEquals(revision, live.revision().get());
        assertTrue(copy.walk().isRevealed(Step.APPEND));
    }

    @Test
    void backOnTheCopyReplaysTheLiveDraws() {
        Session live = new Session(BuiltInLessons.load("part3"), "part3", Locale.ENGLISH);
        live.walk().generate(3);
        Session copy = live.copy();
        live.walk().back();
        copy.walk().back();
        assertEquals(live.walk().getSampledIndex(), copy.walk().getSampledIndex());
        assertEquals(live.walk().getText(), copy.walk().getText());
    }

    @Test
    void theWordPickedForTheHeadsIsTheLastUntilAnotherIsAndPickingTheLastFollowsTheText() {
        Session live = new Session(BuiltInLessons.load("part6"), "part6", Locale.ENGLISH);
        assertEquals(2, live.getShownWord(3));
        int revision = live.revision().get();
        live.setShownWord(1, 3);
        assertEquals(1, live.getShownWord(3));
        assertEquals(1, live.getShownWord(4), "an earlier word stays picked as the text grows");
        assertTrue(live.revision().get() > revision, "the panels redraw");
        assertEquals(1, live.copy().getShownWord(3), "an export draws the word the class sees");
        live.setShownWord(2, 3);
        assertEquals(3, live.getShownWord(4), "the last word picked: the last word, whichever it is");
        live.setShownWord(2, 4);
        assertEquals(2, live.getShownWord(4));
        assertEquals(1, live.getShownWord(2), "a pick no longer read (a shorter prompt) falls back to the last word");
    }
}
