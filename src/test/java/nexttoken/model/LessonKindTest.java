package nexttoken.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nexttoken.presenter.Step;
import nexttoken.presenter.StepPaths;
import org.junit.jupiter.api.Test;

class LessonKindTest {

    @Test
    void eachPartIsTheKindItsPostTeaches() {
        assertEquals(LessonKind.LOOKUP, LessonFixtures.part(1).kind());
        assertEquals(LessonKind.IDS, LessonFixtures.part(2).kind());
        assertEquals(LessonKind.EMBEDDINGS, LessonFixtures.part(3).kind());
        assertEquals(LessonKind.EMBEDDINGS, LessonFixtures.part(5).kind());
    }

    @Test
    void droppingF2MakesALookupAndDroppingEmbeddingsMakesIds() {
        Lesson part3 = LessonFixtures.part(3);
        assertEquals(LessonKind.LOOKUP, part3.withF2(null).kind());
        Vocabulary v = part3.vocabulary();
        Lesson withoutEmbeddings = part3.withVocabulary(Vocabulary.of(v.tokens(), ids(v), null));
        assertEquals(LessonKind.IDS, withoutEmbeddings.kind());
    }

    @Test
    void everyKindHasAPathFromTokensToAppend() {
        assertEquals(List.of(Step.TOKENS, Step.INPUT, Step.F1, Step.LOOKUP, Step.APPEND), StepPaths.of(LessonKind.LOOKUP));
        List<Step> full = List.of(Step.TOKENS, Step.INPUT, Step.F1, Step.F2, Step.NORMALIZE, Step.FILTER, Step.SAMPLE,
                Step.APPEND);
        assertEquals(full, StepPaths.of(LessonKind.IDS));
        assertEquals(full, StepPaths.of(LessonKind.EMBEDDINGS));
    }

    private static int[] ids(Vocabulary v) {
        int[] out = new int[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.id(i);
        }
        return out;
    }
}
