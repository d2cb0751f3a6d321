package nexttoken.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import nexttoken.model.Lesson;
import nexttoken.model.Trace;
import nexttoken.model.Vocabulary;
import nexttoken.model.Composition;
import org.junit.jupiter.api.Test;

/** The real-vocabulary lessons: real tokens and ids from jtokkit, weights from a seed, numbers to the digit. */
class GeneratedLessonsTest {

    @Test
    void o200kHasEveryTokenOfO200kBaseWithItsRealId() {
        Lesson o200k = BuiltInLessons.load(GeneratedLessons.O200K_ID);
        Vocabulary v = o200k.vocabulary();
        // 199,998 ordinary tokens (ids 0 … 199,997) and the two special ones jtokkit knows.
        assertEquals(200_000, v.size());
        assertEquals("!", v.token(0));
        assertEquals(0, v.id(0));
        assertEquals("▁cocos", v.token(199_997));
        assertEquals(199_997, v.id(199_997));
        assertEquals("<|endoftext|>", v.token(199_998));
        assertEquals(199_999, v.id(199_998));
        assertEquals("<|endofprompt|>", v.token(199_999));
        assertEquals(200_018, v.id(199_999));
        // o200k_base cuts "The sky is" into three tokens, with other ids than cl100k's.
        assertEquals(List.of("The", "▁sky", "▁is"), o200k.prompt());
        assertEquals(976, v.id(v.indexOf("The").getAsInt()));
        assertEquals(17_307, v.id(v.indexOf("▁sky").getAsInt()));
        assertEquals(382, v.id(v.indexOf("▁is").getAsInt()));
        assertEquals(199_998L, o200k.seed());
    }

    @Test
    void o200kPredictsFromItsSeededWeightsToTheDigit() {
        Lesson o200k = BuiltInLessons.load(GeneratedLessons.O200K_ID);
        Vocabulary v = o200k.vocabulary();
        int the = v.indexOf("The").getAsInt();
        assertEquals(0.506, v.embedding(the, 0));
        assertEquals(-0.516, v.embedding(the, 1));
        Trace trace = Composition.compute(o200k);
        // 0.506 × 1.0 + (−0.516) × 0.5 + 0.007 × 1.5 + (−0.125) × 1.0 + 0.472 × 0.5 + (−0.69) × 1.5
        assertEquals(-0.6655, trace.f1().value(), 1e-15);
        int greedy = trace.greedyIndex();
        assertEquals("▁maaaring", v.token(greedy));
        assertEquals(58_686, v.id(greedy));
        assertEquals(3.002736, trace.f2().logits().get(greedy), 1e-12);
        assertEquals(8.06670832618771e-05, trace.normalization().probabilities().get(greedy), 1e-18);
        assertEquals(200_000, trace.normalization().probabilities().size());
    }

    @Test
    void titlesFollowTheLanguageAndTheLessonListsBothVocabularies() {
        assertEquals("o200k — a real vocabulary of 200,000 tokens", BuiltInLessons.load("o200k", Locale.ENGLISH).title());
        assertEquals("o200k — un vocabulario real de 200.000 tokens",
                BuiltInLessons.load("o200k", Locale.forLanguageTag("es")).title());
        assertTrue(BuiltInLessons.load("o200k", Locale.ENGLISH).description().contains("seed 199998"));
        List<String> ids = BuiltInLessons.ids();
        assertEquals(List.of("cl100k", "o200k"), ids.subList(ids.size() - 2, ids.size()));
        assertEquals(100_261, BuiltInLessons.load("cl100k").vocabulary().size());
    }
}
