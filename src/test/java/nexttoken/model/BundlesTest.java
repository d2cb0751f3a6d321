package nexttoken.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Spanish and English say the same things: one key set, and a sentence for every problem the program can name. */
class BundlesTest {
    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private static Set<String> keys(Locale locale) {
        // The root bundle is the fallback for any other language: only the named file's keys count here.
        ResourceBundle bundle = ResourceBundle.getBundle(Problem.BUNDLE, locale, ResourceBundle.Control
                .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new TreeSet<>(bundle.keySet());
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Set<String> spanish = keys(SPANISH);
        Set<String> english = keys(Locale.ENGLISH);
        Set<String> onlySpanish = new TreeSet<>(spanish);
        onlySpanish.removeAll(english);
        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(spanish);
        assertEquals(Set.of(), onlySpanish, "in Spanish only");
        assertEquals(Set.of(), onlyEnglish, "in English only");
    }

    @Test
    void everyProblemHasASentenceInBothLanguages() {
        for (Locale locale : List.of(SPANISH, Locale.ENGLISH)) {
            Set<String> keys = keys(locale);
            List<String> missing = Arrays.stream(ProblemKind.values()).map(ProblemKind::bundleKey)
                    .filter(k -> !keys.contains(k)).toList();
            assertEquals(List.of(), missing, "problems without a sentence in " + locale);
        }
    }
}
