package nexttoken.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.model.Attention;
import nexttoken.model.Trace;
import nexttoken.presenter.EditTarget;
import nexttoken.presenter.Session;
import nexttoken.report.AttentionMap;
import org.junit.jupiter.api.Test;

/**
 * The numbers the attention map and the positions view draw, built without a toolkit from the
 * model alone, against README's part6 numbers (es looks at el 0.1156, cielo 0.5104, es 0.3740;
 * q·k 2.88, 2.44, 0.78; "cielo el es" 0.2726 / 0.2926 / 0.4348).
 */
class AttentionViewsDataTest {
    private final Texts texts = new Texts(() -> Locale.ENGLISH);

    private static Trace trace(String lesson, String prompt) {
        Session s = new Session(BuiltInLessons.load(lesson), lesson, Locale.ENGLISH);
        return nexttoken.model.Composition.compute(s.lessons().get(), List.of(prompt.split(" ")));
    }

    private static AttentionMap.Data map(Trace t, int head, AttentionMap.Shown shown) {
        List<Integer> tokens = t.context().indices();
        return AttentionMap.of(t.attention(), tokens.stream().map(t.lesson().vocabulary()::token).toList(), tokens, head,
                shown);
    }

    private List<String> row(AttentionMap.Data d, int i) {
        return d.rows().get(i).stream().map(texts::number).toList();
    }

    @Test
    void part6sLastWordLooksAtCieloMost() {
        AttentionMap.Data weights = map(trace("part6", "el cielo es"), 0, AttentionMap.Shown.WEIGHTS);
        assertEquals(List.of("el", "cielo", "es"), weights.words());
        assertEquals(List.of("0.1156", "0.5104", "0.3740"), row(weights, 2));
        assertEquals(List.of("1.0"), row(weights, 0), "the first word can only look at itself");
        assertEquals(3, weights.size());
        for (int i = 0; i < 3; i++) {
            assertEquals("1.0", texts.number(weights.rowSums().get(i)), "row " + i + " adds up to 1");
            for (int j = 0; j < 3; j++) {
                assertEquals(j > i, weights.masked(i, j), i + "," + j);
            }
        }
        assertEquals(1, weights.heads());
    }

    @Test
    void theDotProductsAreExactDecimalsAndTheScaledScoresAreNot() {
        Trace t = trace("part6", "el cielo es");
        AttentionMap.Data dots = map(t, 0, AttentionMap.Shown.DOTS);
        assertEquals(List.of("0.78", "2.88", "2.44"), row(dots, 2));
        assertEquals(List.of(), dots.rowSums(), "only the weights have a sum to show");
        AttentionMap.Data scaled = map(t, 0, AttentionMap.Shown.SCALED);
        assertEquals(2, scaled.dk());
        assertEquals(Math.sqrt(2), scaled.scale());
        assertEquals(List.of("0.5515", "2.036", "1.725"), row(scaled, 2));
    }

    @Test
    void withPositionsTheOrderCounts() {
        AttentionMap.Data swapped = map(trace("part6", "cielo el es"), 0, AttentionMap.Shown.WEIGHTS);
        assertEquals(List.of("cielo", "el", "es"), swapped.words());
        assertEquals(List.of("0.2726", "0.2926", "0.4348"), row(swapped, 2));
    }

    @Test
    void aCellsSubstitutionWritesEveryStage() {
        Trace t = trace("part6", "el cielo es");
        List<String> lines = AttentionMap.substitution(t.attention(), 0, 2, 1, texts.formulas(), texts.messages());
        assertEquals(List.of(
                "q₂ · k₁ = 2.2 × 1.3 + (−0.2) × (−0.1) = 2.88",
                "s₂₁ = q₂ · k₁ / √2 = 2.88 / 1.414 ≈ 2.036",
                "a₂₁ = exp(s₂₁) / Σⱼ exp(s₂ⱼ) = exp(2.036) / (exp(0.5515) + exp(2.036) + exp(1.725)) ≈ 0.5104"), lines);
        List<String> masked = AttentionMap.substitution(t.attention(), 0, 0, 2, texts.formulas(), texts.messages());
        assertEquals(1, masked.size());
        assertTrue(masked.get(0).startsWith("s₀₂ is masked"), masked.get(0));
        assertTrue(masked.get(0).contains("not given 0"), masked.get(0));
        assertEquals("a₂ = softmax(s₂₀, s₂₁, s₂₂) = softmax(0.5515, 2.036, 1.725) = (0.1156, 0.5104, 0.3740)",
                AttentionMap.rowRule(t.attention(), 0, 2, texts.formulas()));
    }

    @Test
    void part7HasTwoHeadsWithDkOne() {
        Trace t = trace("part7", "el cielo es");
        AttentionMap.Data second = map(t, 1, AttentionMap.Shown.WEIGHTS);
        assertEquals(2, second.heads());
        assertEquals(1, second.head());
        assertEquals(1, second.dk());
        // The trace JSON pins head 2's last row's first weight (AttentionCliTest): 0.5635551898817578.
        assertEquals(0.5635551898817578, second.value(2, 0));
        assertNotEquals(map(t, 0, AttentionMap.Shown.WEIGHTS).rows(), second.rows(), "each head looks its own way");
        assertEquals(1, map(t, 7, AttentionMap.Shown.WEIGHTS).head(), "a head past the last is the last");
        List<String> lines = AttentionMap.substitution(t.attention(), 1, 2, 0, texts.formulas(), texts.messages());
        assertTrue(lines.get(1).contains("/ √1 = "), lines.get(1));
    }

    @Test
    void thePositionsTableIsEmbeddingPlusPosition() {
        PositionsView.Data d = PositionsView.data(trace("part6", "el cielo es"));
        assertEquals(Attention.Positions.LEARNED, d.kind());
        assertTrue(d.plotsEveryNumber());
        assertEquals(3, d.rows().size());
        PositionsView.Row es = d.rows().get(2);
        assertEquals("es", es.word());
        assertEquals(2, es.position());
        assertEquals(List.of(0.1, -0.1), es.embedding());
        assertEquals(List.of(1.0, 0.0), es.positionVector());
        assertEquals(List.of(1.1, -0.1), es.input());
        assertEquals(List.of(0.0, 0.0), d.rows().get(0).positionVector());
        assertEquals(List.of(1.3, -0.1), d.rows().get(1).input());
    }

    @Test
    void withoutPositionsXIsTheEmbeddingAndBothOrdersLookTheSame() {
        Session s = new Session(BuiltInLessons.load("part6"), "part6", Locale.ENGLISH);
        var none = s.lessons().get().withAttention(new Attention(3, Attention.Positions.NONE, null,
                s.lessons().get().attention().heads(), null, true, null, null));
        Trace t = nexttoken.model.Composition.compute(none, List.of("el", "cielo", "es"));
        PositionsView.Data d = PositionsView.data(t);
        assertEquals(Attention.Positions.NONE, d.kind());
        assertEquals(d.rows().get(2).embedding(), d.rows().get(2).input());
        Trace swapped = nexttoken.model.Composition.compute(none, List.of("cielo", "el", "es"));
        assertEquals(t.attention().h(), swapped.attention().h());
    }

    @Test
    void draggingALearnedPositionMovesTheMapAndUndoTakesItBack() {
        Session s = new Session(BuiltInLessons.load("part6"), "part6", Locale.ENGLISH);
        Trace before = s.walk().getTrace();
        s.lessons().moveLearnedPosition(1, 0.5, 1.0);
        s.lessons().moveLearnedPosition(1, 0.5, 1.5);
        Trace after = s.walk().getTrace();
        assertEquals(List.of(0.5, 1.5), PositionsView.data(after).rows().get(1).positionVector());
        assertEquals(List.of(1.3, 1.4), PositionsView.data(after).rows().get(1).input());
        assertNotEquals(map(before, 0, AttentionMap.Shown.WEIGHTS).rows().get(2),
                map(after, 0, AttentionMap.Shown.WEIGHTS).rows().get(2));
        s.lessons().commitEdit();
        s.lessons().undo();
        assertEquals(List.of("0.1156", "0.5104", "0.3740"), row(map(s.walk().getTrace(), 0, AttentionMap.Shown.WEIGHTS), 2),
                "one drag is one undo step");
        assertFalse(s.lessons().canUndoProperty().get());
        // Sinusoidal positions have nothing to drag: the lesson stays as it is.
        var part6 = BuiltInLessons.load("part6");
        var sinusoidal = part6.withAttention(new Attention(3, Attention.Positions.SINUSOIDAL, null,
                part6.attention().heads(), null, true, null, null));
        Session sin = new Session(sinusoidal, "sinusoidal", Locale.ENGLISH);
        sin.lessons().moveLearnedPosition(1, 0.5, 1.5);
        assertEquals(sinusoidal, sin.lessons().get());
        assertFalse(sin.lessons().canUndoProperty().get());
        PositionsView.Data d = PositionsView.data(sin.walk().getTrace());
        assertEquals(Attention.Positions.SINUSOIDAL, d.kind());
        // PE(1) = [sin(1 / 10000^0), cos(1 / 10000^0)] for d = 2: a point on the unit circle.
        assertEquals(List.of(Math.sin(1), Math.cos(1)), d.rows().get(1).positionVector());
        assertEquals(new EditTarget.LearnedPosition(1), new EditTarget.LearnedPosition(1));
    }
}
