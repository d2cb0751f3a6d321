package nexttoken.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nexttoken.model.Lesson;

/**
 * The lessons that ship inside the jar: part1 … part5 in Spanish, as the blog series
 * wrote them, the attention lessons part6 and part7, and their English twins part1-en … part7-en.
 */
public final class BuiltInLessons {
    /** The parts of the series up to the weighted sums and embeddings. */
    public static final List<String> PARTS = List.of("part1", "part2", "part3", "part4", "part5");
    /** The attention lessons, which go where the series points next (seed 003). */
    public static final List<String> ATTENTION_PARTS = List.of("part6", "part7");
    public static final String DEFAULT_ID = "part2";
    private static final String ENGLISH_SUFFIX = "-en";

    private BuiltInLessons() {
    }

    /** Every built-in id: Spanish parts, English parts, then the real-vocabulary lessons. */
    public static List<String> ids() {
        List<String> all = new ArrayList<>(fileIds());
        all.addAll(GeneratedLessons.IDS);
        return all;
    }

    /** Every part in its Spanish original, in the order of the series: what the lesson picker offers. */
    public static List<String> parts() {
        List<String> parts = new ArrayList<>(PARTS);
        parts.addAll(ATTENTION_PARTS);
        return parts;
    }

    /** The built-in lessons that are files in assets/lessons (all but the generated ones). */
    public static List<String> fileIds() {
        List<String> parts = parts();
        List<String> all = new ArrayList<>(parts);
        parts.forEach(p -> all.add(p + ENGLISH_SUFFIX));
        return all;
    }

    /** The twin of {@code id} in {@code language}: part2 in English is part2-en, part2-en in Spanish is part2. */
    public static String inLanguage(String id, Locale language) {
        String part = id.endsWith(ENGLISH_SUFFIX) ? id.substring(0, id.length() - ENGLISH_SUFFIX.length()) : id;
        if (!parts().contains(part)) {
            return id;
        }
        return "en".equals(language.getLanguage()) ? part + ENGLISH_SUFFIX : part;
    }

    public static boolean exists(String id) {
        return ids().contains(id);
    }

    /** Built-in lessons are tested to load, so a failure here is a broken build, not bad input. */
    public static Lesson load(String id) {
        return load(id, Locale.ENGLISH);
    }

    public static Lesson load(String id, Locale locale) {
        return find(id, locale).orElseThrow(() -> new IllegalArgumentException("no built-in lesson " + id));
    }

    public static Optional<Lesson> find(String id) {
        return find(id, Locale.ENGLISH);
    }

    /** As {@link #find(String)}; the generated lesson's title and description follow {@code locale}. */
    public static Optional<Lesson> find(String id, Locale locale) {
        if (!exists(id)) {
            return Optional.empty();
        }
        if (GeneratedLessons.isGenerated(id)) {
            return GeneratedLessons.find(id, locale);
        }
        String resource = "/nexttoken/assets/lessons/" + id + ".json";
        try (InputStream in = BuiltInLessons.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in lesson missing from the jar: " + resource);
            }
            LessonReader.Result result = LessonReader.read(in.readAllBytes(), id);
            if (!result.ok()) {
                throw new IllegalStateException(result.firstProblem().describe(Locale.ENGLISH));
            }
            return Optional.of(result.lesson());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
