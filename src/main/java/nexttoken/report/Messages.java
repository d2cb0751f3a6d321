package nexttoken.report;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import nexttoken.model.Problem;

/** The resource bundles: every sentence a person reads, in Spanish and English. */
public final class Messages {
    private final Locale locale;
    private final ResourceBundle bundle;

    public Messages(Locale locale) {
        this.locale = supported(locale);
        this.bundle = ResourceBundle.getBundle(Problem.BUNDLE, this.locale);
    }

    /** Spanish for es-*, English otherwise: the two languages the lessons exist in. */
    public static Locale supported(Locale requested) {
        return Problem.supported(requested);
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** A sentence with arguments; arguments are shown as given, so format numbers before passing them. */
    public String format(String key, Object... args) {
        return Problem.fill(get(key), locale, args);
    }

    public String problem(Problem p) {
        return p.message(locale);
    }
}
