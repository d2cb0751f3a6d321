package nexttoken.view;

import nexttoken.model.LessonKind;
import java.util.Locale;
import java.util.function.Supplier;
import nexttoken.model.NumberText;
import nexttoken.presenter.Presenter;
import nexttoken.report.Formulas;
import nexttoken.report.Messages;

/** The bundles and number formats for the presenter's current language, as views need them. */
public final class Texts {
    private final Supplier<Locale> language;
    private Locale cachedLocale;
    private Messages cachedMessages;

    public Texts(Presenter presenter) {
        this(presenter::getLanguage);
    }

    /** Texts in whatever language {@code language} gives when asked: a chart needs no presenter for them. */
    public Texts(Supplier<Locale> language) {
        this.language = language;
    }

    public Messages messages() {
        Locale locale = language.get();
        if (!locale.equals(cachedLocale)) {
            cachedLocale = locale;
            cachedMessages = new Messages(locale);
        }
        return cachedMessages;
    }

    public String get(String key) {
        return messages().get(key);
    }

    public String format(String key, Object... args) {
        return messages().format(key, args);
    }

    public Locale locale() {
        return language.get();
    }

    /** A count of tokens or logits, grouped as the language groups digits. */
    public String count(long n) {
        return NumberText.count(n, locale());
    }

    public String number(double v) {
        return NumberText.screen(v, locale());
    }

    /**
     * The exact value one hover away when {@code control} shows {@code v} rounded; no tooltip when
     * it shows every digit. The tooltip is reused: a slider move only changes its text.
     */
    public void exactTip(javafx.scene.control.Control control, double v) {
        if (!NumberText.isRounded(v)) {
            if (control.getTooltip() != null) {
                control.setTooltip(null);
            }
            return;
        }
        javafx.scene.control.Tooltip tip = control.getTooltip();
        if (tip == null) {
            tip = new javafx.scene.control.Tooltip();
            control.setTooltip(tip);
        }
        tip.setText(NumberText.exactScreen(v, locale()));
    }

    public String percent(double p) {
        return NumberText.percent(p, locale());
    }

    public Formulas formulas() {
        return new Formulas(locale(), true);
    }

    /** The lesson, the text so far and the settings on one line, for the caption of an exported PNG. */
    public String settingsLine(nexttoken.model.Lesson l, java.util.List<String> text) {
        StringBuilder out = new StringBuilder(l.title() == null ? get("report.untitled") : l.title());
        out.append(" · \"").append(String.join(" ", text)).append("\"");
        if (l.kind() != LessonKind.LOOKUP) {
            out.append(" · ").append(l.normalization().fileName());
            out.append(" · T = ").append(number(l.temperature()));
            out.append(" · top-k ").append(l.topK() == 0 ? get("report.off") : Integer.toString(l.topK()));
            out.append(" · top-p ").append(l.topP() >= 1 ? get("report.off") : number(l.topP()));
            out.append(" · ").append(get("controls.seed").toLowerCase(locale())).append(' ').append(l.seed() == null ? 0 : l.seed());
        }
        return out.toString();
    }

    /** "₁₂" for 12: positions written as the posts write x₁, w₂. */
    public static String subscript(int n) {
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            s.append((char) ('₀' + (c - '0')));
        }
        return s.toString();
    }
}
