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

    /** {@link NumberText#reading}: as typed when short, else the digits that carry meaning. */
    public String number(double v) {
        return screen ? NumberText.screen(v, locale) : NumberText.reading(v, Locale.ROOT);
    }

    /** "=" before what follows, or "≈" when one of {@code shown} reads rounded. */
    public static String relation(double... shown) {
        for (double v : shown) {
            if (NumberText.isRounded(v)) {
                return "≈";
            }
        }
        return "=";
    }

    /** {@link #relation(double...)} for a whole list of shown numbers. */
    public static String relation(Values shown) {
        return relation(false, shown);
    }

    /** "≈" when {@code rounded} or when one of the lists reads rounded, else "=". */
    public static String relation(boolean rounded, Values... shown) {
        for (Values values : shown) {
            for (int i = 0; i < values.size() && !rounded; i++) {
                rounded = NumberText.isRounded(values.get(i));
            }
        }
        return rounded ? "≈" : "=";
    }

    /** A factor that follows ×: negatives in brackets so "× −1.5" cannot be misread as a subtraction. */
    public String factor(double v) {
        return v < 0 ? "(" + number(v) + ")" : number(v);
    }

    /** A probability as a number (0.4237, 0.03390), by the same rule as every other. */
    public String probability(double p) {
        return number(p);
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

    /**
     * "f1(578, 350, 698) = 578 × 1.0 + 350 × 0.5 + 698 × 1.5 = 1800.0", the post's line; "≈"
     * where the numbers after it are rounded (trained weights: "≈ 0.4787 × 3.172 + … ≈ 2.716").
     */
    public String f1Equation(Trace t) {
        String productsSign = t.input().kind() == nexttoken.model.InputKind.IDS ? relation(t.f1().weights())
                : relation(false, t.f1().weights(), t.f1().x());
        return f1Call(t) + " " + productsSign + " " + f1Products(t) + " " + relation(t.f1().value()) + " "
                + number(t.f1().value());
    }

    /** "f2(1800.0) = (1800.0 × 2.5, …) = (4500.0, …)". */
    public String f2Equation(Trace t) {
        double in = t.f2().input();
        Values w = t.f2().weights();
        StringJoiner products = new StringJoiner(separator());
        for (int i = 0; i < w.size(); i++) {
            products.add(factor(in) + " × " + factor(w.get(i)));
        }
        String productsSign = relation(NumberText.isRounded(in), w);
        return "f2(" + number(in) + ") " + productsSign + " (" + products + ") "
                + relation(t.f2().logits()) + " (" + list(t.f2().logits()) + ")";
    }

    /**
     * The panel's shorter form, whose results the bars carry: "f2(1800.0) = 1800.0 × (2.5, 0.7, …)".
     * Written out product by product it took half the panel's height once the numbers had four digits.
     */
    public String f2Short(Trace t) {
        double in = t.f2().input();
        return "f2(" + number(in) + ") = " + factor(in) + " × (" + list(t.f2().weights()) + ")";
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
            String quotientsSign = relation(NumberText.isRounded(n.sum()), logits);
            return "norm(" + list(logits) + ") " + quotientsSign + " (" + quotients + ") "
                    + relation(n.probabilities()) + " (" + probabilities(n.probabilities()) + ")";
        }
        String t1 = n.greedy() ? "T = 0" : "T = " + number(n.temperature());
        return "softmax(" + list(logits) + "; " + t1 + ") " + relation(n.probabilities()) + " ("
                + probabilities(n.probabilities()) + ")";
    }

    /** The screen's shorter form: "norm: ℓᵢ / 10620.0 = (0.4237, …)", "softmax(ℓ / T), T = 0.7: (0.6021, …)". */
    public String normalizationShort(Trace t) {
        var n = t.normalization();
        if (n.method() == nexttoken.model.Normalization.NORM) {
            return "norm: ℓᵢ / " + number(n.sum()) + " " + relation(n.probabilities()) + " ("
                    + probabilities(n.probabilities()) + ")";
        }
        String temperature = n.greedy() ? "T = 0" : "T = " + number(n.temperature());
        return "softmax(ℓᵢ / T), " + temperature + ": (" + probabilities(n.probabilities()) + ")";
    }

}
