package nexttoken.presenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.model.Lesson;
import org.junit.jupiter.api.Test;

/** The lesson as edited, on its own: no walk, no toolkit. */
class LessonModelTest {
    private final Revision revision = new Revision();
    private final LessonModel model = new LessonModel(BuiltInLessons.load("part2"), "part2", revision);
    private final List<LessonModel.Change> changes = new ArrayList<>();

    {
        model.onChange(changes::add);
    }

    @Test
    void editsToOneTargetInARowAreOneUndoStepAndEachCommandBumpsOnce() {
        model.setF1Weight(1, 0.6);
        model.setF1Weight(1, 0.7);
        model.setF1Weight(1, 0.8);
        model.setF1Weight(2, 1.6);
        assertEquals(4, revision.get());
        assertEquals(List.of(new EditTarget.F1Weight(1), new EditTarget.F1Weight(1), new EditTarget.F1Weight(1),
                new EditTarget.F1Weight(2)), changes.stream().map(LessonModel.Change::target).toList());
        model.undo();
        assertEquals(0.8, model.get().f1().get(1));
        assertEquals(1.5, model.get().f1().get(2));
        model.undo();
        assertEquals(0.5, model.get().f1().get(1));
        assertFalse(model.canUndoProperty().get());
        assertEquals(LessonModel.Cause.UNDO, changes.get(changes.size() - 1).cause());
    }

    @Test
    void aStretchOfTypingInANoteIsOneUndoStepAndAnEmptiedNoteIsNoNote() {
        String shipped = model.get().note("f1");
        model.setNote("f1", "¿Qué");
        model.setNote("f1", "¿Qué número sale de f1?");
        assertEquals("¿Qué número sale de f1?", model.get().note("f1"));
        model.commitEdit();
        model.setNote("f1", " ");
        assertFalse(model.get().notes().containsKey("f1"));
        model.undo();
        assertEquals("¿Qué número sale de f1?", model.get().note("f1"));
        model.undo();
        assertEquals(shipped, model.get().note("f1"));
    }

    @Test
    void theSameIndexOfAnotherWeightIsAnotherTarget() {
        model.setF1Weight(0, 2.0);
        model.setF2Weight(0, 3.0);
        model.undo();
        assertEquals(2.5, model.get().f2().get(0));
        assertEquals(2.0, model.get().f1().get(0));
    }

    @Test
    void commitEditEndsAGesture() {
        model.setTemperature(2.0);
        model.commitEdit();
        model.setTemperature(3.0);
        model.undo();
        assertEquals(2.0, model.get().temperature());
    }

    @Test
    void anEditThatChangesNothingIsNoEditAndNoRedraw() {
        model.setF1Weight(0, 1.0);
        model.setTemperature(Double.NaN);
        assertEquals(0, revision.get());
        assertTrue(changes.isEmpty());
        assertFalse(model.canUndoProperty().get());
    }

    @Test
    void dirtyUntilSavedAndResetReturnsToTheSavedValues() {
        model.setF2Weight(4, 0.9);
        assertTrue(model.isDirty());
        model.markSaved("/tmp/mine.json");
        assertFalse(model.isDirty());
        assertEquals("/tmp/mine.json", model.source());
        model.setF2Weight(4, 1.1);
        model.resetToLesson();
        assertEquals(0.9, model.get().f2().get(4));
        model.undo();
        assertEquals(1.1, model.get().f2().get(4), "a reset can be undone");
    }

    @Test
    void loadForgetsTheHistoryAndTheProblemAndSaysWhy() {
        model.setTopK(2);
        model.reportLoadProblem(nexttoken.model.Problem.of(nexttoken.model.ProblemKind.F2_LENGTH, "f2", 3, 5));
        Lesson part3 = BuiltInLessons.load("part3");
        model.load(part3, "part3");
        assertEquals(part3, model.get());
        assertNull(model.loadProblemProperty().get());
        assertFalse(model.canUndoProperty().get());
        assertFalse(model.isDirty());
        LessonModel.Change last = changes.get(changes.size() - 1);
        assertEquals(LessonModel.Cause.LOAD, last.cause());
        assertEquals(2, last.before().topK());
    }

    @Test
    void theUndoHistoryIsBounded() {
        for (int i = 0; i < LessonModel.MAX_UNDO + 50; i++) {
            model.setTopK(i % 2 == 0 ? 1 : 2);
            model.commitEdit();
        }
        int undone = 0;
        while (model.canUndoProperty().get()) {
            model.undo();
            undone++;
        }
        assertEquals(LessonModel.MAX_UNDO, undone);
    }
}
