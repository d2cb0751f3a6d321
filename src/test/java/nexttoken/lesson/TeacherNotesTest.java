package nexttoken.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nexttoken.model.Lesson;
import nexttoken.model.ProblemKind;
import nexttoken.presenter.Step;
import nexttoken.presenter.StepPaths;
import org.junit.jupiter.api.Test;

class TeacherNotesTest {

    private static LessonReader.Result read(String json) {
        return LessonReader.read(json.getBytes(StandardCharsets.UTF_8), "mine.json");
    }

    private static String withNotes(String notesObject) {
        String valid = LessonReaderTestSupport.VALID.trim();
        return valid.substring(0, valid.length() - 1) + ", \"notes\": " + notesObject + "}";
    }

    @Test
    void everyStepOfThePresenterHasAnIdLessonFilesAccept() {
        for (Step step : Step.values()) {
            assertTrue(LessonFormat.NOTE_STEPS.contains(step.fileId()), step.toString());
        }
        assertEquals("x", Step.INPUT.fileId());
        assertEquals("normalize", Step.NORMALIZE.fileId());
    }

    @Test
    void notesAreReadInTheFilesOrderAndWrittenBack() {
        LessonReader.Result r = read(withNotes("{\"f1\": \"¿qué número sale de f1?\", \"tokens\": \"<b>ids</b> & \\\"words\\\"\"}"));
        assertTrue(r.ok(), () -> r.problems().toString());
        Lesson lesson = r.lesson();
        assertEquals(List.of("f1", "tokens"), List.copyOf(lesson.notes().keySet()));
        assertEquals("¿qué número sale de f1?", lesson.note("f1"));
        assertEquals("<b>ids</b> & \"words\"", lesson.note("tokens"), "kept as plain text, never as markup");
        String written = LessonWriter.toJson(lesson);
        Lesson again = read(written).lesson();
        assertEquals(lesson, again);
        assertEquals(written, LessonWriter.toJson(again));
    }

    @Test
    void editingALessonKeepsItsNotes() {
        Lesson lesson = BuiltInLessons.load("part2");
        assertEquals(lesson.notes(), lesson.withTemperature(2.0).withTopK(1).withSeed(7L).notes());
        Map<String, String> changed = new LinkedHashMap<>(lesson.notes());
        changed.put("f1", "new");
        assertEquals("new", lesson.withNotes(changed).note("f1"));
        assertNotNull(lesson.note("f1"), "the original lesson is unchanged");
    }

    @Test
    void aMisspeltStepIsNamedWithAGuess() {
        LessonReader.Result r = read(withNotes("{\"f1\": \"ok\", \"normalise\": \"x\"}"));
        assertFalse(r.ok());
        assertEquals(ProblemKind.UNKNOWN_STEP_SUGGESTION, r.firstProblem().kind());
        assertEquals("notes.normalise", r.firstProblem().field());
        String message = r.firstProblem().describe(Locale.ENGLISH);
        assertEquals("mine.json: notes.normalise: no step is called \"normalise\" — did you mean \"normalize\"? Steps: "
                + "tokens, x, f1, f2, lookup, normalize, filter, sample, append, positions, attention, heads, feedForward", message);
        assertTrue(r.firstProblem().describe(Locale.forLanguageTag("es")).contains("¿quería decir \"normalize\"?"));
    }

    @Test
    void aStepNoLessonHasIsRefusedAndSoIsANoteThatIsNotText() {
        LessonReader.Result unknown = read(withNotes("{\"conclusion\": \"x\"}"));
        assertEquals(ProblemKind.UNKNOWN_STEP, unknown.firstProblem().kind());
        assertEquals("notes.conclusion", unknown.firstProblem().field());

        LessonReader.Result number = read(withNotes("{\"f2\": 4500}"));
        assertEquals(ProblemKind.WRONG_TYPE, number.firstProblem().kind());
        assertEquals("notes.f2", number.firstProblem().field());

        LessonReader.Result list = read(withNotes("[\"f1\"]"));
        assertEquals(ProblemKind.WRONG_TYPE, list.firstProblem().kind());
        assertEquals("notes", list.firstProblem().field());
    }

    @Test
    void everyBuiltInLessonHasANoteForEveryStepItWalks() {
        for (String id : BuiltInLessons.fileIds()) {
            Lesson lesson = BuiltInLessons.load(id);
            List<Step> path = StepPaths.of(lesson.kind());
            for (Step step : path) {
                String note = lesson.note(step.fileId());
                assertNotNull(note, id + " " + step.fileId());
                assertFalse(note.isBlank(), id + " " + step.fileId());
            }
            assertEquals(path.size(), lesson.notes().size(), id + ": no note for a step the lesson never reaches");
        }
    }

    @Test
    void theBuiltInNotesCarryThePostsQuestionsAndMisconceptionsInTheirLanguage() {
        assertTrue(BuiltInLessons.load("part2").note("f1").contains("¿qué número sale de f1?"));
        assertTrue(BuiltInLessons.load("part2").note("f1").contains("= 1800,0"));
        assertTrue(BuiltInLessons.load("part2").note("normalize").contains("900 / 10620 = 0,0847"));
        assertTrue(BuiltInLessons.load("part2-en").note("normalize").contains("900 / 10620 = 0.0847"));
        assertTrue(BuiltInLessons.load("part2-en").note("normalize").contains("temperature does nothing under norm"));
        assertTrue(BuiltInLessons.load("part1").note("f1").contains("= 402,0"));
        assertTrue(BuiltInLessons.load("part3-en").note("normalize").contains("0.0674"));
        assertTrue(BuiltInLessons.load("part4").note("normalize").contains("0,6021"));
    }

    /** The numbers a teacher reads out are the model's, rounded as the screen rounds them. */
    @Test
    void theNumbersInTheNotesAreTheModelsNumbers() {
        for (String id : List.of("part2", "part2-en", "part3", "part3-en", "part4", "part4-en")) {
            Lesson lesson = BuiltInLessons.load(id);
            Locale locale = Locale.forLanguageTag(lesson.language());
            nexttoken.model.Trace trace = nexttoken.model.Composition.compute(lesson);
            assertTrue(lesson.note("f1").contains(nexttoken.model.NumberText.plain(trace.f1().value(), locale)), id);
            nexttoken.model.Values p = trace.normalization().probabilities();
            int first = trace.greedyIndex();
            assertTrue(lesson.note("normalize").contains(nexttoken.model.NumberText.fixed(p.get(first), 4, locale)),
                    id + " " + lesson.note("normalize"));
        }
        Lesson part2 = BuiltInLessons.load("part2");
        assertTrue(part2.note("normalize").contains(nexttoken.model.NumberText.fixed(
                nexttoken.model.Composition.compute(part2).normalization().probabilities().get(4), 4, Locale.forLanguageTag("es"))));
    }
}
