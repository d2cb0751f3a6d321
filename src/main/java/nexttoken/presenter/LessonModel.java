package nexttoken.presenter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import nexttoken.model.Lesson;
import nexttoken.model.Normalization;
import nexttoken.model.Problem;
import nexttoken.model.Vocabulary;

/**
 * The lesson as edited: its baseline (the lesson's own values, what Reset returns to), the
 * lesson as last saved (what "unsaved changes" are measured against), the undo history and
 * the problem of the last file that failed to open. The other models of a session follow
 * its changes through {@link #onChange}, so an edit made here reaches every view.
 */
public final class LessonModel {

    /** Why the lesson changed: the walk restarts on some causes and only recomputes on others. */
    public enum Cause { LOAD, EDIT, UNDO, RESET, REPLACE }

    /** One change of the lesson; {@code target} is null unless the cause is an edit. */
    public record Change(Lesson before, Lesson after, Cause cause, EditTarget target) {
    }

    private record Edit(Lesson before, EditTarget target) {
    }

    /** A three-hour workshop must not grow the heap: the oldest undo steps go first. */
    static final int MAX_UNDO = 200;

    private final Revision revision;
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson");
    private final ReadOnlyObjectWrapper<Lesson> originalLesson = new ReadOnlyObjectWrapper<>(this, "originalLesson");
    private final ReadOnlyObjectWrapper<Lesson> savedLesson = new ReadOnlyObjectWrapper<>(this, "savedLesson");
    private final ReadOnlyStringWrapper lessonSource = new ReadOnlyStringWrapper(this, "lessonSource");
    private final ReadOnlyObjectWrapper<Problem> loadProblem = new ReadOnlyObjectWrapper<>(this, "loadProblem");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo", false);
    private final Deque<Edit> undo = new ArrayDeque<>();
    private final List<Consumer<Change>> listeners = new ArrayList<>();
    private EditTarget lastEditTarget;

    public LessonModel(Lesson initial, String source, Revision revision) {
        this.revision = revision;
        setOpened(initial, source);
    }

    /** Called after every change of the lesson, before the revision is bumped. */
    public void onChange(Consumer<Change> listener) {
        listeners.add(listener);
    }

    // ---- read-only state ------------------------------------------------------------

    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    public Lesson get() {
        return lesson.get();
    }

    /** The lesson's own values, as opened or last saved: what Reset returns to. */
    public ReadOnlyObjectProperty<Lesson> originalLessonProperty() {
        return originalLesson.getReadOnlyProperty();
    }

    /** The lesson as last opened or saved: what "unsaved changes" are measured against. */
    public ReadOnlyObjectProperty<Lesson> savedLessonProperty() {
        return savedLesson.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lessonSourceProperty() {
        return lessonSource.getReadOnlyProperty();
    }

    public String source() {
        return lessonSource.get();
    }

    /** Why the last lesson file could not be opened; null when it could. */
    public ReadOnlyObjectProperty<Problem> loadProblemProperty() {
        return loadProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return !lesson.get().equals(savedLesson.get());
    }

    /** The lesson's seed; a lesson without one samples with 0, and the panel shows that. */
    public long seed() {
        Long seed = lesson.get().seed();
        return seed == null ? 0 : seed;
    }

    // ---- opening and saving ---------------------------------------------------------

    /** Opens a lesson; a problem from reading a file goes to {@link #reportLoadProblem} instead. */
    public void load(Lesson newLesson, String source) {
        Lesson before = lesson.get();
        setOpened(newLesson, source);
        changed(before, Cause.LOAD, null);
    }

    private void setOpened(Lesson newLesson, String source) {
        originalLesson.set(newLesson);
        savedLesson.set(newLesson);
        lessonSource.set(source);
        loadProblem.set(null);
        undo.clear();
        lastEditTarget = null;
        canUndo.set(false);
        lesson.set(newLesson);
    }

    /** A lesson file that failed to open: said in place, and the current lesson stays. */
    public void reportLoadProblem(Problem problem) {
        loadProblem.set(problem);
        revision.bump();
    }

    public void dismissLoadProblem() {
        loadProblem.set(null);
        revision.bump();
    }

    /** After a save: the file now holds this lesson, under this name. */
    public void markSaved(String source) {
        savedLesson.set(lesson.get());
        originalLesson.set(lesson.get());
        lessonSource.set(source);
        revision.bump();
    }

    // ---- edits (undoable) -----------------------------------------------------------

    /** No-op for an attention lesson: its f1 is computed from the words, there is no weight to set. */
    public void setF1Weight(int index, double value) {
        if (!Double.isFinite(value) || lesson.get().f1() == null) {
            return;
        }
        edit(new EditTarget.F1Weight(index), l -> l.withF1(l.f1().with(index, value)));
    }

    public void setF2Weight(int index, double value) {
        if (!Double.isFinite(value) || lesson.get().f2() == null) {
            return;
        }
        edit(new EditTarget.F2Weight(index), l -> l.withF2(l.f2().with(index, value)));
    }

    public void setTemperature(double t) {
        if (!Double.isFinite(t) || t < 0) {
            return;
        }
        edit(EditTarget.Whole.TEMPERATURE, l -> l.withTemperature(t));
    }

    public void setTopK(int k) {
        if (k < 0) {
            return;
        }
        edit(EditTarget.Whole.TOP_K, l -> l.withTopK(k));
    }

    public void setTopP(double p) {
        if (!(p > 0 && p <= 1)) {
            return;
        }
        edit(EditTarget.Whole.TOP_P, l -> l.withTopP(p));
    }

    public void setNormalization(Normalization n) {
        edit(EditTarget.Whole.NORMALIZATION, l -> l.withNormalization(n));
    }

    /** Drags a token's 2D embedding; everything downstream follows. */
    public void moveEmbedding(int tokenIndex, double x, double y) {
        Vocabulary v = lesson.get().vocabulary();
        if (v.embeddingLength() != 2 || !Double.isFinite(x) || !Double.isFinite(y)) {
            return;
        }
        edit(new EditTarget.Embedding(tokenIndex),
                l -> l.withVocabulary(l.vocabulary().withEmbedding(tokenIndex, new double[] {x, y})));
    }

    /**
     * Drags row {@code position} of a learned position table in two dimensions; everything
     * downstream (x, the map, h, the logits) follows. Lessons with sinusoidal or no positions
     * have nothing to drag.
     */
    /** The teacher's note for a step (its file id), as typed; a stretch of typing is one undo step. */
    public void setNote(String step, String text) {
        edit(new EditTarget.Notes(step), l -> l.withNote(step, text));
    }

    public void moveLearnedPosition(int position, double x, double y) {
        nexttoken.model.Attention a = lesson.get().attention();
        if (a == null || a.positions() != nexttoken.model.Attention.Positions.LEARNED
                || a.learnedPositions().columns() != 2 || position < 0 || position >= a.learnedPositions().rows()
                || !Double.isFinite(x) || !Double.isFinite(y)) {
            return;
        }
        edit(new EditTarget.LearnedPosition(position), l -> l.withAttention(l.attention().withLearnedPositions(
                l.attention().learnedPositions().with(position, 0, x).with(position, 1, y))));
    }

    /**
     * Changes the lesson; the first change to a target after a change to another (or after
     * {@link #commitEdit()}) is a new undo step. A change that changes nothing is no edit.
     */
    public void edit(EditTarget target, UnaryOperator<Lesson> change) {
        Lesson before = lesson.get();
        Lesson after = change.apply(before);
        if (after.equals(before)) {
            return;
        }
        if (!target.equals(lastEditTarget)) {
            pushUndo(before, target);
        }
        lastEditTarget = target;
        lesson.set(after);
        changed(before, Cause.EDIT, target);
    }

    /** Ends a gesture: the next change to the same control becomes its own undo step. */
    public void commitEdit() {
        lastEditTarget = null;
    }

    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        Edit e = undo.pop();
        lastEditTarget = null;
        Lesson before = lesson.get();
        lesson.set(e.before());
        canUndo.set(!undo.isEmpty());
        changed(before, Cause.UNDO, null);
    }

    /** Back to the lesson's own values; undoable, in case the class wanted the drag back. */
    public void resetToLesson() {
        Lesson before = lesson.get();
        if (before.equals(originalLesson.get())) {
            return;
        }
        pushUndo(before, EditTarget.Whole.RESET);
        lastEditTarget = null;
        lesson.set(originalLesson.get());
        changed(before, Cause.RESET, null);
    }

    /**
     * A whole-lesson edit from the editor (tokens, ids, embeddings, prompt), already
     * validated; undoable like any other edit. The walk restarts from the new prompt.
     */
    public void applyLessonEdit(Lesson edited) {
        Lesson before = lesson.get();
        if (edited.equals(before)) {
            return;
        }
        pushUndo(before, EditTarget.Whole.LESSON);
        lastEditTarget = null;
        lesson.set(edited);
        changed(before, Cause.REPLACE, EditTarget.Whole.LESSON);
    }

    private void pushUndo(Lesson before, EditTarget target) {
        undo.push(new Edit(before, target));
        while (undo.size() > MAX_UNDO) {
            undo.removeLast();
        }
        canUndo.set(true);
    }

    private void changed(Lesson before, Cause cause, EditTarget target) {
        Change c = new Change(before, lesson.get(), cause, target);
        for (Consumer<Change> l : listeners) {
            l.accept(c);
        }
        revision.bump();
    }
}
