package nexttoken.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingTest {

    private static void assertClose(double expected, double actual, String what) {
        double scale = Math.max(1e-3, Math.max(Math.abs(expected), Math.abs(actual)));
        assertTrue(Math.abs(expected - actual) / scale < 1e-6, what + ": analytic " + actual + " vs numeric " + expected);
    }

    private static double numeric(List<Training.Pair> pairs, java.util.function.DoubleFunction<Lesson> at, double value) {
        double h = 1e-6 * Math.max(1, Math.abs(value));
        return (Training.meanLoss(at.apply(value + h), pairs) - Training.meanLoss(at.apply(value - h), pairs)) / (2 * h);
    }

    private static void checkGradients(Lesson lesson) {
        List<Training.Pair> pairs = Training.pairs(lesson).pairs();
        assertTrue(!pairs.isEmpty());
        Training.Gradient g = Training.gradient(lesson, pairs);
        assertEquals(Training.meanLoss(lesson, pairs), g.loss(), 1e-12);
        for (int k = 0; k < lesson.f1().size(); k++) {
            int kk = k;
            double num = numeric(pairs, v -> lesson.withF1(lesson.f1().with(kk, v)), lesson.f1().get(k));
            assertClose(num, g.f1().get(k), "dL/dw1[" + k + "]");
        }
        for (int i = 0; i < lesson.f2().size(); i++) {
            int ii = i;
            double num = numeric(pairs, v -> lesson.withF2(lesson.f2().with(ii, v)), lesson.f2().get(i));
            assertClose(num, g.f2().get(i), "dL/dw2[" + i + "]");
        }
        if (lesson.input() == InputKind.EMBEDDINGS) {
            Vocabulary voc = lesson.vocabulary();
            for (int t = 0; t < voc.size(); t++) {
                for (int c = 0; c < voc.embeddingLength(); c++) {
                    int tt = t;
                    int cc = c;
                    double num = numeric(pairs, v -> {
                        double[] e = voc.embedding(tt).toArray();
                        e[cc] = v;
                        return lesson.withVocabulary(voc.withEmbedding(tt, e));
                    }, voc.embedding(t, c));
                    assertClose(num, g.embeddings()[t][c], "dL/de[" + t + "][" + c + "]");
                }
            }
        }
    }

    @Test
    void gradientsMatchCentralDifferencesOnPart5() {
        checkGradients(LessonFixtures.part(5));
    }

    @Test
    void gradientsMatchCentralDifferencesOnSevenTokens() {
        checkGradients(LessonFixtures.sevenTokens());
    }

    @Test
    void lossFallsOnPart5() {
        Training.Run run = Training.train(LessonFixtures.part(5), 200, 0.1);
        assertNull(run.problem());
        assertEquals(201, run.losses().size());
        assertTrue(run.losses().get(200) < run.losses().get(0) * 0.8, run.losses().toString());
        for (int k = 1; k < run.losses().size(); k++) {
            assertTrue(run.losses().get(k) <= run.losses().get(k - 1) + 1e-12, "loss rose at step " + k);
        }
    }

    @Test
    void idsNeverChangeAndIdsLessonLossStaysFinite() {
        Lesson ids = LessonFixtures.part(2).withCorpus(LessonFixtures.part(5).corpus());
        Training.Run run = Training.train(ids, 20, 1e-7);
        assertNull(run.problem());
        run.losses().forEach(l -> assertTrue(Double.isFinite(l)));
        assertEquals(ids.vocabulary(), run.lesson().vocabulary());
    }

    @Test
    void part1HasNothingToTrain() {
        assertEquals(ProblemKind.NOT_TRAINABLE, Training.train(LessonFixtures.part(1), 1, 0.1).problem().kind());
    }

    @Test
    void pairsSlideOverEachSentence() {
        List<Training.Pair> pairs = Training.pairs(LessonFixtures.part(5)).pairs();
        // Four sentences of 4, 4, 4 and 5 words with a 3-word context: 1 + 1 + 1 + 2 pairs.
        assertEquals(5, pairs.size());
        assertEquals(List.of(1, 0, 4), pairs.get(4).context()); // cielo azul es → frío
        assertEquals(2, pairs.get(4).target());
    }
}
