package nexttoken.model;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * One thing that is wrong or undefined, said once, naming where it is. The model
 * returns these instead of throwing, so that the app can explain them in place and
 * the command line can print them on one line.
 *
 * @param kind   what is wrong
 * @param source the file it is in, or null when it is not about a file
 * @param field  the field path, such as {@code vocabulary[2].embedding}, or null
 * @param args   the words and numbers the sentence needs, already formatted
 */
public record Problem(ProblemKind kind, String source, String field, List<String> args) {

    public static final String BUNDLE = "nexttoken.i18n.messages";

    public Problem {
        args = List.copyOf(args);
    }

    public static Problem of(ProblemKind kind, String field, Object... args) {
        return new Problem(kind, null, field, stringify(args));
    }

    private static List<String> stringify(Object[] args) {
        return java.util.Arrays.stream(args).map(String::valueOf).toList();
    }

    public Problem inSource(String newSource) {
        return new Problem(kind, newSource, field, args);
    }

    /** The sentence alone, in the reader's language: the field first, then the arguments. */
    public String message(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, supported(locale));
        String pattern;
        try {
            pattern = bundle.getString(kind.bundleKey());
        } catch (MissingResourceException e) {
            pattern = kind.name() + " {0} {1} {2}";
        }
        Object[] all = new Object[args.size() + 1];
        all[0] = field == null ? "" : field;
        for (int i = 0; i < args.size(); i++) {
            all[i + 1] = args.get(i);
        }
        return fill(pattern, locale, all);
    }

    /**
     * A bundle sentence with its arguments. Arguments are pre-formatted strings, so
     * MessageFormat adds no grouping or locale digits; only a count that a {n,choice,…}
     * picks the plural by is handed over as a number. A quote in a bundle is a quote.
     */
    public static String fill(String pattern, Locale locale, Object... args) {
        MessageFormat format = new MessageFormat(pattern.replace("'", "''"), locale);
        Object[] all = new Object[args.length];
        java.text.Format[] byArgument = format.getFormatsByArgumentIndex();
        for (int i = 0; i < args.length; i++) {
            String text = String.valueOf(args[i]);
            all[i] = i < byArgument.length && byArgument[i] instanceof java.text.ChoiceFormat ? countOf(text) : text;
        }
        return format.format(all);
    }

    private static Object countOf(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** Spanish for es-*, English otherwise: the two languages the bundles and lessons exist in. */
    public static Locale supported(Locale requested) {
        return "es".equals(requested.getLanguage()) ? Locale.forLanguageTag("es") : Locale.ENGLISH;
    }

    /** The sentence with the file in front, as the command line prints it after {@code error: }. */
    public String describe(Locale locale) {
        String text = message(locale);
        return source == null ? text : source + ": " + text;
    }
}
