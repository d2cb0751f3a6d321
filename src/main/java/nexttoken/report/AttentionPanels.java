package nexttoken.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nexttoken.model.Attention;
import nexttoken.model.AttentionStep;
import nexttoken.model.Lesson;
import nexttoken.model.NumberText;
import nexttoken.model.Trace;
import nexttoken.model.Values;

/**
 * What the attention lesson's panels draw, read off one trace: q, k and v with their products, each
 * head's weighted sum, W_O, the residual, the feed-forward step, h · f2ᵢ and h as an arrow. Plain data
 * and text, no toolkit, so a test can pin every number a class reads and a handout can print the same.
 * Numbers follow {@link NumberText#screen}; where that rounds, {@link Shown#exact} has every digit for
 * a tooltip.
 */
public final class AttentionPanels {
    private AttentionPanels() {
    }

    /** A number as read, and every digit when the reading drops some (null when it does not). */
    public record Shown(double value, String text, String exact) {
        static Shown of(double v, Locale locale) {
            return new Shown(v, NumberText.screen(v, locale), NumberText.isRounded(v) ? NumberText.exactScreen(v, locale) : null);
        }
    }

    /**
     * A row vector as read: its entries, and "[1.1; −0.1]" in the language's list style.
     *
     * @param separator between entries, as the text writes them (", ", or "; " beside a decimal comma)
     */
    public record Vector(List<Shown> entries, String text, String separator) {
        public Vector {
            entries = List.copyOf(entries);
        }

        static Vector of(double[] v, Formulas f, Locale locale) {
            List<Shown> entries = new ArrayList<>(v.length);
            for (double x : v) {
                entries.add(Shown.of(x, locale));
            }
            return new Vector(entries, new AttentionFormulas(f).vector(v), f.separator());
        }

        /** Every digit of each entry, for a tooltip; null when the text already shows them all. */
        public String exact() {
            if (entries.stream().allMatch(e -> e.exact() == null)) {
                return null;
            }
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < entries.size(); i++) {
                Shown e = entries.get(i);
                out.append(i == 0 ? "" : separator).append(e.exact() == null ? e.text() : e.exact());
            }
            return out.append(']').toString();
        }
    }

    // ---- q, k and v ------------------------------------------------------------------

    /** One word read: its x, its q, k and v, and the three products written out ("q₂ = x₂·Wq = … = …"). */
    public record WordQkv(int position, String word, Vector x, Vector q, Vector k, Vector v, List<String> products) {
        public WordQkv {
            products = List.copyOf(products);
        }
    }

    /** One head's q, k and v for every word read; {@code number} counts from 1 as the class does. */
    public record HeadQkv(int number, int dk, int dv, List<WordQkv> words) {
        public HeadQkv {
            words = List.copyOf(words);
        }
    }

    /** Empty when the trace stopped before attention. */
    public static List<HeadQkv> qkv(Trace t, Locale locale) {
        AttentionStep a = t.attention();
        if (a == null) {
            return List.of();
        }
        Formulas f = new Formulas(locale, true);
        AttentionFormulas af = new AttentionFormulas(f, true);
        List<String> words = t.context().context();
        List<HeadQkv> heads = new ArrayList<>();
        for (int h = 0; h < a.heads().size(); h++) {
            AttentionStep.HeadStep head = a.heads().get(h);
            Attention.Head w = t.lesson().attention().heads().get(h);
            List<WordQkv> rows = new ArrayList<>();
            for (int j = 0; j < a.length(); j++) {
                double[] x = a.inputs().row(j);
                rows.add(new WordQkv(j, words.get(j), Vector.of(x, f, locale),
                        Vector.of(head.queries().row(j), f, locale), Vector.of(head.keys().row(j), f, locale),
                        Vector.of(head.values().row(j), f, locale),
                        List.of(af.product("q", j, x, w.query(), head.queries().row(j), "Wq"),
                                af.product("k", j, x, w.key(), head.keys().row(j), "Wk"),
                                af.product("v", j, x, w.value(), head.values().row(j), "Wv"))));
            }
            heads.add(new HeadQkv(h + 1, w.query().columns(), w.value().columns(), rows));
        }
        return heads;
    }

    // ---- the heads' weighted sums, W_O, the residual ---------------------------------

    /**
     * One head's output for one word read: where it looks (a weight per word up to it) and
     * "o = a₂₀ × v₀ + … = 0.1156 × [..] + … ≈ [..]".
     *
     * @param words the words it may look at: those read up to and including {@code word}
     */
    public record HeadSum(int number, String word, List<String> words, List<Shown> weights, List<Vector> values,
                          String line, Vector output) {
        public HeadSum {
            words = List.copyOf(words);
            weights = List.copyOf(weights);
            values = List.copyOf(values);
        }
    }

    /**
     * @param position     the word the heads' sums are for (0 is the first word read)
     * @param last         the last word's position
     * @param lastWord     the last word read: the one whose sums go on to W_O, r and h
     * @param outputLine   "[o₁, o₂]·W_O = … = […]", or the concatenation when the lesson has no W_O (the last word's)
     * @param hasOutput    whether the lesson has a W_O of its own
     * @param residualLine "r = x₂ + … = …", or "r = …" without the residual
     */
    public record HeadOutputs(int position, int last, String lastWord, List<HeadSum> heads, boolean hasOutput,
                              String outputLine, String residualLine, Vector residual) {
        public HeadOutputs {
            heads = List.copyOf(heads);
        }

        /** Whether the sums are the last word's, the ones the lines below them go on with. */
        public boolean ofLastWord() {
            return position == last;
        }
    }

    /** The last word's heads, W_O and the residual; null when the trace stopped before attention. */
    public static HeadOutputs heads(Trace t, Locale locale) {
        AttentionStep a = t.attention();
        return a == null ? null : heads(t, locale, a.length() - 1);
    }

    /**
     * The heads' sums for the word at {@code position} of those read, then W_O and the residual, which
     * only the last word goes on to; null when the trace stopped before attention.
     */
    public static HeadOutputs heads(Trace t, Locale locale, int position) {
        AttentionStep a = t.attention();
        if (a == null) {
            return null;
        }
        if (position < 0 || position >= a.length()) {
            throw new IllegalArgumentException("word " + position + " of " + a.length());
        }
        Formulas f = new Formulas(locale, true);
        AttentionFormulas af = new AttentionFormulas(f, true);
        List<String> words = t.context().context();
        List<HeadSum> sums = new ArrayList<>();
        for (int h = 0; h < a.heads().size(); h++) {
            AttentionStep.HeadStep head = a.heads().get(h);
            Values row = head.weights().get(position);
            List<Shown> weights = new ArrayList<>();
            List<Vector> values = new ArrayList<>();
            for (int j = 0; j <= position; j++) {
                weights.add(Shown.of(row.get(j), locale));
                values.add(Vector.of(head.values().row(j), f, locale));
            }
            sums.add(new HeadSum(h + 1, words.get(position), words.subList(0, position + 1), weights, values,
                    af.headOutput(head, position), Vector.of(head.output(position).toArray(), f, locale)));
        }
        Attention weights = t.lesson().attention();
        return new HeadOutputs(position, a.length() - 1, words.get(a.length() - 1), sums, weights.output() != null,
                af.output(weights, a), af.residual(weights, a), Vector.of(a.residual().toArray(), f, locale));
    }

    // ---- the feed-forward step -------------------------------------------------------

    /** A hidden unit: z before ReLU, u after; {@code cut} when ReLU set a negative z to 0. */
    public record HiddenUnit(int number, Shown preActivation, Shown hidden, boolean cut) {
    }

    /**
     * @param present whether the lesson has a feed-forward step (without one, h = r and
     *                {@code lines} is that one line)
     * @param lines   z = r·W1 + b1, u = ReLU(z), f = u·W2 + b2, h = r + f, written out
     */
    public record FeedForward(boolean present, List<String> lines, List<HiddenUnit> units, Vector h) {
        public FeedForward {
            lines = List.copyOf(lines);
            units = List.copyOf(units);
        }

        public long cutCount() {
            return units.stream().filter(HiddenUnit::cut).count();
        }
    }

    /** null when the trace stopped before h. */
    public static FeedForward feedForward(Trace t, Locale locale) {
        AttentionStep a = t.attention();
        if (a == null) {
            return null;
        }
        Formulas f = new Formulas(locale, true);
        AttentionFormulas af = new AttentionFormulas(f, true);
        Vector h = Vector.of(a.h().toArray(), f, locale);
        if (a.feedForward() == null) {
            return new FeedForward(false, List.of("h = r = " + af.vector(a.h())), List.of(), h);
        }
        AttentionStep.FeedForwardStep s = a.feedForward();
        List<HiddenUnit> units = new ArrayList<>();
        for (int m = 0; m < s.preActivation().size(); m++) {
            double z = s.preActivation().get(m);
            units.add(new HiddenUnit(m + 1, Shown.of(z, locale), Shown.of(s.hidden().get(m), locale), z < 0));
        }
        return new FeedForward(true, af.feedForward(t.lesson().attention(), a), units, h);
    }

    // ---- f2 as h · f2ᵢ ------------------------------------------------------------

    /** "logit(azul) = h · e(azul) = 1.2 × (−0.2) + … ≈ 0.93" for one token. */
    public record Logit(int token, String line, Shown value) {
    }

    /** The logits of {@code tokens} written out; empty when the trace has no logits. */
    public static List<Logit> logits(Trace t, int[] tokens, Locale locale) {
        if (t.attention() == null || t.f2() == null) {
            return List.of();
        }
        AttentionFormulas af = new AttentionFormulas(new Formulas(locale, true), true);
        List<Logit> out = new ArrayList<>(tokens.length);
        for (int i : tokens) {
            out.add(new Logit(i, af.logit(t, i), Shown.of(t.f2().logits().get(i), locale)));
        }
        return out;
    }

    // ---- h in the embedding plane ------------------------------------------------------

    /**
     * h drawn from the origin of the embedding plane, and the token whose logit is largest. With
     * tied f2 that token's embedding points most along h (h · e is |h| times the length of e's
     * shadow on h), so {@code shadowX, shadowY} is where the winner's point falls on h's line.
     *
     * @param tied whether f2 is the embeddings themselves (only then is the picture the logit)
     */
    public record Arrow(double x, double y, String label, int winner, String winnerWord, boolean tied,
                        double shadowX, double shadowY) {
    }

    /** null when h is not in the plane drawn (embeddings longer than 2) or not computed, or h is 0. */
    public static Arrow arrow(Trace t, Locale locale) {
        AttentionStep a = t.attention();
        Lesson lesson = t.lesson();
        if (a == null || t.f2() == null || a.h().size() != 2) {
            return null;
        }
        double hx = a.h().get(0);
        double hy = a.h().get(1);
        double length2 = hx * hx + hy * hy;
        if (length2 == 0 || !Double.isFinite(length2)) {
            return null;
        }
        int winner = t.f2().top();
        double along = t.f2().logits().get(winner) / length2;
        Formulas f = new Formulas(locale, true);
        return new Arrow(hx, hy, "h = " + new AttentionFormulas(f).vector(a.h()), winner,
                lesson.vocabulary().token(winner), lesson.attention().tied(),
                lesson.attention().tied() ? along * hx : Double.NaN, lesson.attention().tied() ? along * hy : Double.NaN);
    }

    // ---- the attention map as a table --------------------------------------------------

    /**
     * One head's attention weights as a table of text: a row per word looking, a column per word
     * looked at, masked cells (j > i) written as {@code masked}, and each row's sum.
     */
    public record MapTable(int number, List<String> header, List<List<String>> rows) {
        public MapTable {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** Each head's {@link AttentionMap} of weights as text, the numbers as the screen writes them; empty before attention. */
    public static List<MapTable> attentionMap(Trace t, Formulas f, String corner, String masked, String sum) {
        AttentionStep a = t.attention();
        if (a == null) {
            return List.of();
        }
        List<MapTable> tables = new ArrayList<>();
        for (int h = 0; h < a.heads().size(); h++) {
            AttentionMap.Data map = AttentionMap.of(t, h, AttentionMap.Shown.WEIGHTS);
            List<String> header = new ArrayList<>();
            header.add(corner);
            for (int j = 0; j < map.size(); j++) {
                header.add(map.words().get(j) + " (" + j + ")");
            }
            header.add(sum);
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < map.size(); i++) {
                List<String> row = new ArrayList<>();
                row.add(map.words().get(i) + " (" + i + ")");
                for (int j = 0; j < map.size(); j++) {
                    row.add(map.masked(i, j) ? masked : f.probability(map.value(i, j)));
                }
                row.add(f.number(map.rowSums().get(i)));
                rows.add(row);
            }
            tables.add(new MapTable(h + 1, header, rows));
        }
        return tables;
    }
}
