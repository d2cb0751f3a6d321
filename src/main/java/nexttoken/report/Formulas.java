package nexttoken.report;

import java.util.Locale;
import java.util.StringJoiner;
import nexttoken.model.NumberText;
import nexttoken.model.Trace;
import nexttoken.model.Values;

/**
 * The substitutions written out the way the posts write them, for the views, the
 * markdown handout and the text trace alike: "578 × 1.0 + 350 × 0.5 + 698 × 1.5".
 */
public final class Formulas {
    /** Probabilities are shown to four decimals, as the posts round them. */
    public static final int PROBABILITY_DECIMALS = 4;

    private final Locale locale;
    private final boolean screen;

    /**
     * @param screen true for the app (the language's decimal separator, true minus signs),
     *               false for text files, which always use '.' and '-'
     */
    public Formulas(Locale locale, boolean screen) {
        this.locale = locale;
        this.screen = screen;
    }

    public String number(double v) {
        return screen ? NumberText.screen(v, locale) : NumberText.plain(v);
    }

    /** A factor that follows ×: negatives in brackets so "× −1.5" cannot be misread as a subtraction. */
    public String factor(double v) {
        return v < 0 ? "(" + number(v) + ")" : number(v);
    }

    public String probability(double p) {
        String text = NumberText.fixed(p, PROBABILITY_DECIMALS, screen ? locale : Locale.ROOT);
        return screen ? text : text.replace('−', '-');
    }

    /** The list separator: a comma, or a semicolon where the comma is the decimal separator. */
    public String separator() {
        return screen && number(0.5).contains(",") ? "; " : ", ";
    }

    public String list(Values values) {
        StringJoiner j = new StringJoiner(separator());
        for (int i = 0; i < values.size(); i++) {
            j.add(number(values.get(i)));
        }
        return j.toString();
    }

    public String probabilities(Values values) {
        StringJoiner j = new StringJoiner(separator());
        for (int i = 0; i < values.size(); i++) {
            j.add(probability(values.get(i)));
        }
        return j.toString();
    }

    /** "f1(578, 350, 698)": ids are whole numbers and are written as the post writes them. */
    public String f1Call(Trace t) {
        return "f1(" + inputList(t) + ")";
    }

    /** x as a list: "578, 350, 698" for ids, "0.3, -0.6, …" for embeddings. */
    public String inputList(Trace t) {
        StringJoiner j = new StringJoiner(separator());
        for (int i = 0; i < t.f1().x().size(); i++) {
            double v = t.f1().x().get(i);
            j.add(t.input().kind() == nexttoken.model.InputKind.IDS ? Long.toString((long) v) : number(v));
        }
        return j.toString();
    }

    private String x(Trace t, int i) {
        double v = t.f1().x().get(i);
        return t.input().kind() == nexttoken.model.InputKind.IDS ? Long.toString((long) v) : factor(v);
    }

    /** "578 × 1.0 + 350 × 0.5 + 698 × 1.5". */
    public String f1Products(Trace t) {
        Values w = t.f1().weights();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < w.size(); i++) {
            out.append(i == 0 ? "" : " + ").append(x(t, i)).append(" × ").append(factor(w.get(i)));
        }
        return out.toString();
    }

    /** "578.0 + 175.0 + 1047.0". */
    public String f1Terms(Trace t) {
        Values terms = t.f1().terms();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            out.append(i == 0 ? "" : " + ").append(factor(terms.get(i)));
        }
        return out.toString();
    }

    /** "f1(578, 350, 698) = 578 × 1.0 + 350 × 0.5 + 698 × 1.5 = 1800.0", the post's line. */
    public String f1Equation(Trace t) {
        return f1Call(t) + " = " + f1Products(t) + " = " + number(t.f1().value());
    }

    /** "f2(1800.0) = (1800.0 × 2.5, …) = (4500.0, …)". */
    public String f2Equation(Trace t) {
        double in = t.f2().input();
        Values w = t.f2().weights();
        StringJoiner products = new StringJoiner(separator());
        for (int i = 0; i < w.size(); i++) {
            products.add(factor(in) + " × " + factor(w.get(i)));
        }
        return "f2(" + number(in) + ") = (" + products + ") = (" + list(t.f2().logits()) + ")";
    }

    /** f2 as its rule, for a vocabulary too large to write out: "f2(-0.663)ᵢ = (-0.663) × w2ᵢ". */
    public String f2Rule(Trace t) {
        double in = t.f2().input();
        return "f2(" + number(in) + ")ᵢ = " + factor(in) + " × w2ᵢ";
    }

    /** norm or softmax as its rule: "pᵢ = ℓᵢ / 10620.0", "pᵢ = exp(ℓᵢ / T) / Σⱼ exp(ℓⱼ / T), T = 1.0". */
    public String normalizationRule(Trace t) {
        var n = t.normalization();
        if (n.method() == nexttoken.model.Normalization.NORM) {
            return "norm: pᵢ = ℓᵢ / " + number(n.sum());
        }
        if (n.greedy()) {
            return "softmax(ℓ; T = 0)";
        }
        return "softmax: pᵢ = exp(ℓᵢ / T) / Σⱼ exp(ℓⱼ / T), T = " + number(n.temperature());
    }

    /** "norm(4500.0, …) = (4500.0 / 10620.0, …) = (0.4237, …)" or the softmax equivalent. */
    public String normalizationEquation(Trace t) {
        Values logits = t.f2().logits();
        var n = t.normalization();
        if (n.method() == nexttoken.model.Normalization.NORM) {
            StringJoiner quotients = new StringJoiner(separator());
            for (int i = 0; i < logits.size(); i++) {
                quotients.add(number(logits.get(i)) + " / " + number(n.sum()));
            }
            return "norm(" + list(logits) + ") = (" + quotients + ") = (" + probabilities(n.probabilities()) + ")";
        }
        String t1 = n.greedy() ? "T = 0" : "T = " + number(n.temperature());
        return "softmax(" + list(logits) + "; " + t1 + ") = (" + probabilities(n.probabilities()) + ")";
    }

    /** The screen's shorter form: "norm: ℓᵢ / 10620.0 = (0.4237, …)", "softmax(ℓ / T), T = 0.7: (0.6021, …)". */
    public String normalizationShort(Trace t) {
        var n = t.normalization();
        if (n.method() == nexttoken.model.Normalization.NORM) {
            return "norm: ℓᵢ / " + number(n.sum()) + " = (" + probabilities(n.probabilities()) + ")";
        }
        String temperature = n.greedy() ? "T = 0" : "T = " + number(n.temperature());
        return "softmax(ℓᵢ / T), " + temperature + ": (" + probabilities(n.probabilities()) + ")";
    }

}
