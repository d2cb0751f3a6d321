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
    void theWordPickedForTheHeadsHoldsForTheWordsItWasPickedAmongAndPickingTheLastIsTheDefault() {
        Session live = new Session(BuiltInLessons.load("part6"), "part6", Locale.ENGLISH);
        List<String> read = List.of("el", "cielo", "es");
        assertEquals(2, live.getShownWord(read), "the last word until another is picked");
        int revision = live.revision().get();
        live.setShownWord(1, read);
        assertEquals(1, live.getShownWord(read));
        assertTrue(live.revision().get() > revision, "the panels redraw");
        assertEquals(1, live.copy().getShownWord(read), "an export draws the word the class sees");
        // Once "azul" is appended the window reads "cielo es azul": position 1 is "es" now, not the word picked.
        assertEquals(2, live.getShownWord(List.of("cielo", "es", "azul")));
        assertEquals(1, live.getShownWord(read), "back to the same words, the pick is there again");
        live.setShownWord(2, read);
        assertEquals(3, live.getShownWord(List.of("el", "cielo", "es", "azul")), "the last word picked: the default");
    }
}
