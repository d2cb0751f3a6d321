package nexttoken.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.model.Attention;
import nexttoken.model.AttentionStep;
import nexttoken.model.Composition;
import nexttoken.model.Generation;
import nexttoken.model.Lesson;
import nexttoken.model.Trace;
import nexttoken.model.Training;
import org.junit.jupiter.api.Test;

/** The numbers parts 6 and 7 teach, pinned to the digit, and their English twins giving the same ones. */
class AttentionLessonsTest {

    @Test
    void part6EsLooksMostAtCieloAndPredictsAzul() {
        Trace t = Composition.compute(BuiltInLessons.load("part6"));
        AttentionStep a = t.attention();
        // x = embedding + learned position: numbers a class adds by hand.
        assertArrayEquals(new double[] {0.3, -0.6}, a.inputs().row(0));
        assertArrayEquals(new double[] {1.3, -0.1}, a.inputs().row(1));
        assertArrayEquals(new double[] {1.1, -0.1}, a.inputs().row(2));
        AttentionStep.HeadStep head = a.heads().get(0);
        assertArrayEquals(new double[] {2.2, -0.2}, head.queries().row(2), 1e-15);
        // q·k before ÷√2 is exact to the hand's decimals; √2 makes every score irrational.
        assertEquals(0.78, head.dots().get(2).get(0), 1e-15);
        assertEquals(2.88, head.dots().get(2).get(1), 1e-15);
        assertEquals(2.44, head.dots().get(2).get(2), 1e-15);
        assertEquals(Math.sqrt(2), head.scale());
        assertArrayEquals(new double[] {0.551543289325507, 2.0364675298172568, 1.725340546095176},
                head.scores().get(2).toArray());
        assertArrayEquals(new double[] {0.11562188598694521, 0.5104279563567821, 0.37395015765627276},
                head.weights().get(2).toArray());
        assertEquals(1.0, head.weights().get(0).get(0));
        assertArrayEquals(new double[] {-0.31562188598694524, 2.2191761649636006}, head.output().toArray());
        assertArrayEquals(new double[] {0.7843781140130548, 2.1191761649636005}, a.h().toArray());
        assertArrayEquals(new double[] {1.7503829256646295, 0.4155848747140838, 1.1696720698692982,
                -1.0361922647742439, -0.13347980509505458}, t.f2().logits().toArray());
        assertArrayEquals(new double[] {0.4910757817083971, 0.1292567073586237, 0.2747571458928551,
                0.030265948449368696, 0.07464441659075527}, t.normalization().probabilities().toArray());
        assertEquals("azul", t.lesson().vocabulary().token(t.greedyIndex()));
        for (int i = 0; i < 3; i++) {
            assertEquals(1.0, head.weights().get(i).sum(), 1e-15, "row " + i + " adds up to 1");
        }
    }

    @Test
    void part6WordOrderNowMattersAndWithoutPositionsItWouldNot() {
        Lesson part6 = BuiltInLessons.load("part6");
        Trace ordered = Composition.compute(part6);
        Trace swapped = Composition.compute(part6, List.of("cielo", "el", "es"));
        assertArrayEquals(new double[] {0.27262974169530857, 0.29260550287507153, 0.4347647554296199},
                swapped.attention().heads().get(0).weights().get(2).toArray());
        assertArrayEquals(new double[] {0.4462130834034502, 0.14079884594432726, 0.27786793124005826,
                0.04308632115237653, 0.09203381825978779}, swapped.normalization().probabilities().toArray());
        assertNotEquals(ordered.normalization().probabilities().get(0), swapped.normalization().probabilities().get(0));

        Attention a = part6.attention();
        Lesson noPositions = part6.withAttention(new Attention(a.window(), Attention.Positions.NONE, null, a.heads(),
                a.output(), a.residual(), a.feedForward(), a.f2()));
        // Without positions "es" sees the same set of words either way: the same h, to the last bit.
        assertArrayEquals(Composition.compute(noPositions).attention().h().toArray(),
                Composition.compute(noPositions, List.of("cielo", "el", "es")).attention().h().toArray(), 1e-15);
    }

    @Test
    void part7TwoHeadsAndTheFeedForward() {
        Trace t = Composition.compute(BuiltInLessons.load("part7"));
        AttentionStep a = t.attention();
        assertEquals(2, a.heads().size());
        assertArrayEquals(new double[] {0.32603461119880295, 0.32603461119880295, 0.3479307776023941},
                a.heads().get(0).weights().get(2).toArray());
        assertArrayEquals(new double[] {0.5635551898817578, 0.20732036832296713, 0.229124441795275},
                a.heads().get(1).weights().get(2).toArray());
        // dk = 1: √dk = 1, so each score is exactly its dot product.
        assertEquals(1.0, a.heads().get(0).scale());
        assertArrayEquals(new double[] {-0.32068096384065836, 0.15442116340915413}, a.concatenated().toArray());
        assertArrayEquals(new double[] {1.094080681488825, -0.10591931851117506}, a.residual().toArray());
        // ReLU cuts the second hidden unit to 0.
        assertArrayEquals(new double[] {0.10591931851117506, 0.0}, a.feedForward().hidden().toArray());
        assertArrayEquals(new double[] {1.1470403407444125, -0.10591931851117506}, a.h().toArray());
        assertArrayEquals(new double[] {0.24379271708896685, 0.08163333229989324, 0.21929087077143888,
                0.06964136286560943, 0.11720437384935865, 0.14485856216089077, 0.123578780963842},
                t.normalization().probabilities().toArray());
    }

    @Test
    void part6CieloHasAWeightedSumOfItsOwnThatTheReferenceAgreesWith() throws java.io.IOException {
        Trace t = Composition.compute(BuiltInLessons.load("part6"));
        AttentionStep.HeadStep head = t.attention().heads().get(0);
        // "cielo" (position 1) looks at "el" and itself only: a₁₀ v₀ + a₁₁ v₁.
        assertArrayEquals(new double[] {0.1458202499936193, 0.8541797500063807}, head.weights().get(1).toArray());
        assertArrayEquals(new double[] {-0.3458202499936193, 2.3083595000127617}, head.output(1).toArray());
        // "el" looks only at itself: its sum is its own v, to the bit.
        assertArrayEquals(head.values().row(0), head.output(0).toArray());
        assertArrayEquals(head.output(2).toArray(), head.output().toArray(), "the last row is what W_O reads");
        AttentionReference.Head ref = reference("part6").heads().get(0);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(ref.outs()[i], head.output(i).toArray(), "word " + i);
        }
    }

    @Test
    void part7EachHeadGivesCieloItsOwnSum() throws java.io.IOException {
        Trace t = Composition.compute(BuiltInLessons.load("part7"));
        AttentionStep a = t.attention();
        // Head 1: "cielo" looks half at "el", half at itself; 0.5 × 0.15 + 0.5 × (−0.6) is −0.225 by hand, one bit off in binary.
        assertArrayEquals(new double[] {0.5, 0.5}, a.heads().get(0).weights().get(1).toArray());
        assertArrayEquals(new double[] {-0.22499999999999998}, a.heads().get(0).output(1).toArray());
        assertArrayEquals(new double[] {0.7685247834990175, 0.23147521650098238}, a.heads().get(1).weights().get(1).toArray());
        assertArrayEquals(new double[] {0.02360641237573681}, a.heads().get(1).output(1).toArray());
        AttentionReference.Result ref = reference("part7");
        for (int h = 0; h < 2; h++) {
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(ref.heads().get(h).outs()[i], a.heads().get(h).output(i).toArray(),
                        "head " + (h + 1) + ", word " + i);
            }
        }
    }

    /** The built-in lesson's own file, computed by {@link AttentionReference} from its JSON. */
    private static AttentionReference.Result reference(String id) throws java.io.IOException {
        try (var in = BuiltInLessons.class.getResourceAsStream("/nexttoken/assets/lessons/" + id + ".json")) {
            String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return AttentionReference.run(json, BuiltInLessons.load(id).prompt());
        }
    }

    @Test
    void part7GreedyRepeatsItselfUntilTrainingTeachesTheEnd() {
        Lesson part7 = BuiltInLessons.load("part7");
        Generation.Result untrained = Generation.generate(part7, part7.prompt(), 8, 42L, true);
        assertEquals(List.of("azul", "es", "azul", "es", "azul", "es", "azul", "es"),
                untrained.tokens().stream().map(Generation.GeneratedToken::token).toList());
        assertFalse(untrained.ended());

        Training.Run run = Training.train(part7, 300, 0.5);
        assertEquals(1.706203310438752, run.losses().get(0));
        assertTrue(run.losses().get(300) < 0.28, "loss after 300 steps: " + run.losses().get(300));
        Generation.Result trained = Generation.generate(run.lesson(), part7.prompt(), 8, 42L, true);
        assertEquals(List.of("el", "cielo", "es", "azul", "."), trained.text());
        assertTrue(trained.ended(), "stopped at the end token, not at 8 tokens");
    }

    @Test
    void theEnglishTwinsGiveTheSameNumbers() {
        for (String part : List.of("part6", "part7")) {
            Trace es = Composition.compute(BuiltInLessons.load(part));
            Trace en = Composition.compute(BuiltInLessons.load(part + "-en"));
            assertEquals("en", en.lesson().language());
            assertArrayEquals(es.normalization().probabilities().toArray(), en.normalization().probabilities().toArray());
            assertEquals(es.lesson().corpus().size(), en.lesson().corpus().size());
        }
        assertEquals("part7-en", BuiltInLessons.inLanguage("part7", java.util.Locale.ENGLISH));
    }
}
