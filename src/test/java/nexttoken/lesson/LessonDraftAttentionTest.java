package nexttoken.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import nexttoken.model.Lesson;
import org.junit.jupiter.api.Test;

/** The app's lesson editor on attention lessons: f2's rows (or "tied") follow the tokens. */
class LessonDraftAttentionTest {

    @Test
    void aNewTokenGetsARowOfZerosInAnF2Matrix() {
        Lesson part7 = BuiltInLessons.load("part7");
        List<LessonDraft.TokenRow> rows = new ArrayList<>(LessonDraft.rowsOf(part7));
        rows.add(new LessonDraft.TokenRow("nieve", "999", "0.5, 0.5", -1));
        LessonReader.Result r = LessonDraft.build(part7, part7.title(), rows, "el cielo es", "part7");
        assertEquals(List.of(), r.problems());
        Lesson edited = r.lesson();
        int v = part7.vocabulary().size();
        assertEquals(v + 1, edited.attention().f2().rows());
        assertEquals(0.0, edited.attention().f2().get(v, 0));
        assertEquals(0.0, edited.attention().f2().get(v, 1));
        for (int i = 0; i < v; i++) {
            assertEquals(part7.attention().f2().rowValues(i), edited.attention().f2().rowValues(i), "row " + i + " kept");
        }
    }

    @Test
    void aTiedF2StaysTiedAndThePromptCanChange() {
        Lesson part6 = BuiltInLessons.load("part6");
        LessonReader.Result r = LessonDraft.build(part6, part6.title(), LessonDraft.rowsOf(part6), "cielo el es", "part6");
        assertEquals(List.of(), r.problems());
        assertTrue(r.lesson().attention().tied());
        assertEquals(List.of("cielo", "el", "es"), r.lesson().prompt());
        assertEquals(part6.attention(), r.lesson().attention());
    }
}
