package nexttoken.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.model.Composition;
import nexttoken.model.Trace;
import org.junit.jupiter.api.Test;

/** The numbers the attention panels show for part6 and part7, as README's "Attention lessons" gives them. */
class AttentionPanelsTest {
    private static Trace trace(String id) {
        return Composition.compute(BuiltInLessons.load(id));
    }

    @Test
    void part6QkvHasEachWordsProductsWrittenOut() {
        List<AttentionPanels.HeadQkv> heads = AttentionPanels.qkv(trace("part6"), Locale.ENGLISH);
        assertEquals(1, heads.size());
        AttentionPanels.HeadQkv head = heads.get(0);
        assertEquals(2, head.dk());
        AttentionPanels.WordQkv es = head.words().get(2);
        assertEquals("es", es.word());
        assertEquals("[1.1, −0.1]", es.x().text());
        assertEquals("[2.2, −0.2]", es.q().text());
        assertEquals("[1.1, −0.1]", es.k().text());
        assertEquals("[−0.2, 2.2]", es.v().text());
        assertEquals("q₂ = x₂·Wq = [1.1 × 2.0 + (−0.1) × 0.0, 1.1 × 0.0 + (−0.1) × 2.0] = [2.2, −0.2]",
                es.products().get(0));
        assertEquals("v₂ = x₂·Wv = [1.1 × 0.0 + (−0.1) × 2.0, 1.1 × 2.0 + (−0.1) × 0.0] = [−0.2, 2.2]",
                es.products().get(2));
        // 1.1 × 2.0 is 2.2 to the last bit: nothing rounded, no tooltip needed.
        assertNull(es.q().exact());
        AttentionPanels.WordQkv cielo = head.words().get(1);
        assertEquals("[2.6, −0.2]", cielo.q().text());
        assertEquals("[1.3, −0.1]", cielo.k().text());
    }

    @Test
    void part6TheLastWordLooksAtElCieloEsAndItsSumIsWrittenOut() {
        AttentionPanels.HeadOutputs out = AttentionPanels.heads(trace("part6"), Locale.ENGLISH);
        AttentionPanels.HeadSum sum = out.heads().get(0);
        assertEquals(List.of("0.1156", "0.5104", "0.3740"), sum.weights().stream().map(AttentionPanels.Shown::text).toList());
        // The tooltip carries every digit the JSON trace writes.
        assertEquals(nexttoken.model.NumberText.exactScreen(trace("part6").attention().heads().get(0).weights().get(2).get(0),
                Locale.ENGLISH), sum.weights().get(0).exact());
        assertTrue(sum.weights().get(0).exact().startsWith("0.1156"), sum.weights().get(0).exact());
        assertEquals("o = a₂₀ × v₀ + a₂₁ × v₁ + a₂₂ × v₂ = 0.1156 × [−1.2, 0.6] + 0.5104 × [−0.2, 2.6]"
                + " + 0.3740 × [−0.2, 2.2] ≈ [−0.3156, 2.219]", sum.line());
        assertFalse(out.hasOutput(), "part6 has no W_O");
        assertEquals("(o₁, …) = [−0.3156, 2.219]", out.outputLine());
        assertEquals("r = x₂ + [−0.3156, 2.219] = [1.1, −0.1] + [−0.3156, 2.219] ≈ [0.7844, 2.119]", out.residualLine());
        AttentionPanels.FeedForward ff = AttentionPanels.feedForward(trace("part6"), Locale.ENGLISH);
        assertFalse(ff.present());
        assertEquals(List.of("h = r = [0.7844, 2.119]"), ff.lines());
    }

    @Test
    void part6CieloLooksAtElAndItselfAndOnlyEsGoesOnToTheResidual() {
        Trace t = trace("part6");
        AttentionPanels.HeadOutputs out = AttentionPanels.heads(t, Locale.ENGLISH, 1);
        AttentionPanels.HeadSum sum = out.heads().get(0);
        assertEquals("cielo", sum.word());
        assertEquals(List.of("el", "cielo"), sum.words());
        assertEquals(List.of("0.1458", "0.8542"), sum.weights().stream().map(AttentionPanels.Shown::text).toList());
        assertEquals("o = a₁₀ × v₀ + a₁₁ × v₁ = 0.1458 × [−1.2, 0.6] + 0.8542 × [−0.2, 2.6] ≈ [−0.3458, 2.308]",
                sum.line());
        assertEquals(t.attention().heads().get(0).output(1).get(0), sum.output().entries().get(0).value());
        assertFalse(out.ofLastWord());
        assertEquals("es", out.lastWord());
        // W_O and r are the last word's whichever word is explained: the same lines as for "es".
        AttentionPanels.HeadOutputs last = AttentionPanels.heads(t, Locale.ENGLISH);
        assertTrue(last.ofLastWord());
        assertEquals(last.outputLine(), out.outputLine());
        assertEquals(last.residualLine(), out.residualLine());
        // "el" looks only at itself: its sum is its own v, exactly.
        assertEquals("o = a₀₀ × v₀ = 1.0 × [−1.2, 0.6] = [−1.2, 0.6]",
                AttentionPanels.heads(t, Locale.ENGLISH, 0).heads().get(0).line());
    }

    @Test
    void part7CieloGetsEachHeadsOwnSum() {
        AttentionPanels.HeadOutputs out = AttentionPanels.heads(trace("part7"), Locale.ENGLISH, 1);
        // 0.5 × 0.15 + 0.5 × (−0.6) is −0.225 by hand and one bit off it in binary: noise, not a rounding the class
        // would meet, so "=" and no tooltip.
        assertEquals(-0.22499999999999998, out.heads().get(0).output().entries().get(0).value());
        assertEquals("o = a₁₀ × v₀ + a₁₁ × v₁ = 0.5 × [0.15] + 0.5 × [−0.6] = [−0.225]", out.heads().get(0).line());
        assertNull(out.heads().get(0).output().exact());
        assertEquals(List.of("0.7685", "0.2315"), out.heads().get(1).weights().stream()
                .map(AttentionPanels.Shown::text).toList());
        assertEquals("o = a₁₀ × v₀ + a₁₁ × v₁ = 0.7685 × [−0.15] + 0.2315 × [0.6] ≈ [0.02361]", out.heads().get(1).line());
    }

    @Test
    void part6TiedF2IsHTimesEachEmbeddingAndAzulWinsAlongH() {
        Trace t = trace("part6");
        List<AttentionPanels.Logit> logits = AttentionPanels.logits(t, new int[] {0, 3}, Locale.ENGLISH);
        assertEquals("logit(azul) = h · e(azul) = 0.7844 × (−0.2) + 2.119 × 0.9 ≈ 1.750", logits.get(0).line());
        assertEquals("logit(el) = h · e(el) = 0.7844 × 0.3 + 2.119 × (−0.6) ≈ −1.036", logits.get(1).line());
        AttentionPanels.Arrow arrow = AttentionPanels.arrow(t, Locale.ENGLISH);
        assertEquals("azul", arrow.winnerWord());
        assertTrue(arrow.tied());
        assertEquals(t.attention().h().get(0), arrow.x());
        assertEquals(t.attention().h().get(1), arrow.y());
        assertEquals("h = [0.7844, 2.119]", arrow.label());
        // azul's shadow on h's line: h · e(azul) / |h|² times h, so the shadow lies along h.
        double along = t.f2().logits().get(0) / (arrow.x() * arrow.x() + arrow.y() * arrow.y());
        assertEquals(along * arrow.x(), arrow.shadowX(), 1e-15);
        assertEquals(0.4911, t.normalization().probabilities().get(0), 5e-5);
    }

    @Test
    void part6InSpanishWritesDecimalCommas() {
        AttentionPanels.HeadOutputs out = AttentionPanels.heads(trace("part6"), Locale.forLanguageTag("es"));
        assertEquals(List.of("0,1156", "0,5104", "0,3740"), out.heads().get(0).weights().stream()
                .map(AttentionPanels.Shown::text).toList());
        assertEquals("[1,1; −0,1]", AttentionPanels.qkv(trace("part6"), Locale.forLanguageTag("es")).get(0).words().get(2).x().text());
    }

    @Test
    void part7HasTwoHeadsWOAndAFeedForwardUnitCutToZero() {
        Trace t = trace("part7");
        AttentionPanels.HeadOutputs out = AttentionPanels.heads(t, Locale.ENGLISH);
        assertEquals(2, out.heads().size());
        assertEquals(List.of("0.3260", "0.3260", "0.3479"), out.heads().get(0).weights().stream()
                .map(AttentionPanels.Shown::text).toList());
        assertEquals(List.of("0.5636", "0.2073", "0.2291"), out.heads().get(1).weights().stream()
                .map(AttentionPanels.Shown::text).toList());
        assertTrue(out.hasOutput());
        assertEquals("[−0.3207, 0.1544]·W_O = [(−0.3207) × 0.5 + 0.1544 × 1.0, (−0.3207) × 0.5 + 0.1544 × 1.0]"
                + " ≈ [−0.005919, −0.005919]", out.outputLine());
        AttentionPanels.FeedForward ff = AttentionPanels.feedForward(t, Locale.ENGLISH);
        assertTrue(ff.present());
        assertEquals(2, ff.units().size());
        assertFalse(ff.units().get(0).cut());
        assertEquals("0.1059", ff.units().get(0).hidden().text());
        assertTrue(ff.units().get(1).cut(), "z₂ = −1.2 is cut to 0 by ReLU");
        assertEquals("−1.2", ff.units().get(1).preActivation().text());
        assertEquals("0.0", ff.units().get(1).hidden().text());
        assertEquals(1, ff.cutCount());
        assertEquals("u = ReLU(z) = max(0, [0.1059, −1.2]) = [0.1059, 0.0]", ff.lines().get(1));
        assertEquals("h = r + f = [1.094, −0.1059] + [0.05296, 0.0] ≈ [1.147, −0.1059]", ff.lines().get(3));
        AttentionPanels.Arrow arrow = AttentionPanels.arrow(t, Locale.ENGLISH);
        assertFalse(arrow.tied(), "part7's f2 has rows of its own");
        assertEquals("azul", arrow.winnerWord());
        assertTrue(Double.isNaN(arrow.shadowX()));
        List<AttentionPanels.Logit> logits = AttentionPanels.logits(t, new int[] {0}, Locale.ENGLISH);
        assertEquals("logit(azul) = h · f2(azul) = 1.147 × 1.0 + (−0.1059) × (−0.5) ≈ 1.2", logits.get(0).line());
    }

    @Test
    void theAttentionMapTableHasEveryWeightMaskedCellsAndRowSums() {
        Trace t = trace("part6");
        List<AttentionPanels.MapTable> tables = AttentionPanels.attentionMap(t, new Formulas(Locale.ENGLISH, true),
                "looks ↓ at →", "masked", "sum");
        assertEquals(1, tables.size());
        AttentionPanels.MapTable map = tables.get(0);
        assertEquals(List.of("looks ↓ at →", "el (0)", "cielo (1)", "es (2)", "sum"), map.header());
        assertEquals(List.of("el (0)", "1.0", "masked", "masked", "1.0"), map.rows().get(0));
        assertEquals(List.of("cielo (1)", "0.1458", "0.8542", "masked", "1.0"), map.rows().get(1));
        assertEquals(List.of("es (2)", "0.1156", "0.5104", "0.3740", "1.0"), map.rows().get(2));
    }

    @Test
    void theTraceStillWritesEqualsSigns() {
        // The command line's trace is pinned by AttentionCliTest: only the screen marks rounding.
        AttentionFormulas af = new AttentionFormulas(new Formulas(Locale.ROOT, false));
        assertEquals("o = a₂₀ × v₀ + a₂₁ × v₁ + a₂₂ × v₂ = 0.1156 × [-1.2, 0.6] + 0.5104 × [-0.2, 2.6]"
                + " + 0.3740 × [-0.2, 2.2] = [-0.3156, 2.219]", af.headOutput(trace("part6").attention().heads().get(0)));
    }
}
