package nexttoken.presenter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import nexttoken.model.Composition;
import nexttoken.model.Lesson;
import nexttoken.model.Normalization;
import nexttoken.model.Problem;
import nexttoken.model.Sampling;
import nexttoken.model.Trace;
import nexttoken.model.Vocabulary;

/**
 * The one place that holds UI state: the lesson as edited, the text so far, the
 * current step and the sample. Views read its read-only properties and call its
 * commands; nothing here touches a Node, so it is tested without a toolkit.
 */
public final class Presenter {

    /** One predicted token that Next has already appended: what Back needs to return to it. */
    private record Appended(List<String> textBefore, double uniform) {
    }

    /** An undoable edit: the lesson before it, and which control made it so a drag counts once. */
    private record Edit(Lesson before, String target) {
    }

    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson");
    private final ReadOnlyObjectWrapper<Lesson> originalLesson = new ReadOnlyObjectWrapper<>(this, "originalLesson");
    private final ReadOnlyStringWrapper lessonSource = new ReadOnlyStringWrapper(this, "lessonSource");
    private final ReadOnlyObjectWrapper<List<String>> text = new ReadOnlyObjectWrapper<>(this, "text", List.of());
    private final ReadOnlyObjectWrapper<Trace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.TOKENS);
    private final ReadOnlyIntegerWrapper sampledIndex = new ReadOnlyIntegerWrapper(this, "sampledIndex", -1);
    private final ReadOnlyBooleanWrapper revealAll = new ReadOnlyBooleanWrapper(this, "revealAll", false);
    private final ReadOnlyObjectWrapper<Locale> language = new ReadOnlyObjectWrapper<>(this, "language", Locale.ENGLISH);
    private final ReadOnlyObjectWrapper<Problem> loadProblem = new ReadOnlyObjectWrapper<>(this, "loadProblem");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo", false);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision", 0);

    private final Deque<Appended> appended = new ArrayDeque<>();
    private final Deque<Edit> undo = new ArrayDeque<>();
    private String lastEditTarget;
    private Random random = new Random(0);
    /** The uniform draw behind the current sample, kept so that moving a slider re-reads it against the new distribution. */
    private double uniform = Double.NaN;

    public Presenter(Lesson initial, String source, Locale locale) {
        language.set(Problem.supported(locale));
        load(initial, source);
    }

    // ---- read-only state ------------------------------------------------------------

    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    public Lesson getLesson() {
        return lesson.get();
    }

    public ReadOnlyObjectProperty<Lesson> originalLessonProperty() {
        return originalLesson.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lessonSourceProperty() {
        return lessonSource.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<String>> textProperty() {
        return text.getReadOnlyProperty();
    }

    public List<String> getText() {
        return text.get();
    }

    public ReadOnlyObjectProperty<Trace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    public Trace getTrace() {
        return trace.get();
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public Step getStep() {
        return step.get();
    }

    /** The token drawn at the SAMPLE step, or -1 before it (or when there is nothing to draw from). */
    public ReadOnlyIntegerProperty sampledIndexProperty() {
        return sampledIndex.getReadOnlyProperty();
    }

    public int getSampledIndex() {
        return sampledIndex.get();
    }

    public ReadOnlyBooleanProperty revealAllProperty() {
        return revealAll.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Locale> languageProperty() {
        return language.getReadOnlyProperty();
    }

    public Locale getLanguage() {
        return language.get();
    }

    /** Why the last lesson file could not be opened; null when it could. */
    public ReadOnlyObjectProperty<Problem> loadProblemProperty() {
        return loadProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** Bumped on every change views draw from, so one listener redraws once per command. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The steps of this lesson, in order. */
    public List<Step> path() {
        return lesson.get().isLookup() ? Step.LOOKUP_PATH : Step.FULL_PATH;
    }

    /** True when the view of {@code s} may show its values: reached, or everything revealed. */
    public boolean isRevealed(Step s) {
        if (revealAll.get()) {
            return true;
        }
        int at = path().indexOf(s);
        return at >= 0 && at <= path().indexOf(step.get());
    }

    /** How many tokens Next has appended after the lesson's prompt. */
    public int appendedCount() {
        return appended.size();
    }

    // ---- stepping -----------------------------------------------------------------------

    public void next() {
        List<Step> path = path();
        int at = path.indexOf(step.get());
        if (at + 1 < path.size()) {
            goTo(path.get(at + 1));
            return;
        }
        int chosen = chosenIndex();
        if (chosen < 0) {
            return;
        }
        appended.push(new Appended(text.get(), uniform));
        List<String> longer = new ArrayList<>(text.get());
        longer.add(lesson.get().vocabulary().token(chosen));
        text.set(List.copyOf(longer));
        uniform = Double.NaN;
        step.set(path.get(0));
        recompute();
    }

    public void back() {
        List<Step> path = path();
        int at = path.indexOf(step.get());
        if (at > 0) {
            goTo(path.get(at - 1));
            return;
        }
        if (appended.isEmpty()) {
            return;
        }
        Appended previous = appended.pop();
        text.set(previous.textBefore());
        uniform = previous.uniform();
        step.set(path.get(path.size() - 1));
        recompute();
    }

    /** The very start: the lesson's own prompt, first step. */
    public void home() {
        if (!appended.isEmpty()) {
            text.set(appended.getLast().textBefore());
            appended.clear();
        }
        reseed();
        step.set(path().get(0));
        recompute();
    }

    /** The last step of the current token. */
    public void end() {
        goTo(path().get(path().size() - 1));
    }

    public void goTo(Step target) {
        List<Step> path = path();
        if (!path.contains(target)) {
            return;
        }
        if (path.indexOf(target) >= path.indexOf(Step.SAMPLE) && path.contains(Step.SAMPLE) && Double.isNaN(uniform)) {
            uniform = random.nextDouble();
        }
        step.set(target);
        recompute();
    }

    /** Jump by number, as the digit keys do: 1 is the first step. */
    public void goToNumber(int oneBased) {
        if (oneBased >= 1 && oneBased <= path().size()) {
            goTo(path().get(oneBased - 1));
        }
    }

    public void setRevealAll(boolean value) {
        revealAll.set(value);
        bump();
    }

    public void setLanguage(Locale locale) {
        language.set(Problem.supported(locale));
        bump();
    }

    // ---- lessons ------------------------------------------------------------------------

    /** Opens a lesson; a problem from reading a file goes to {@link #reportLoadProblem} instead. */
    public void load(Lesson newLesson, String source) {
        originalLesson.set(newLesson);
        lessonSource.set(source);
        loadProblem.set(null);
        undo.clear();
        lastEditTarget = null;
        canUndo.set(false);
        appended.clear();
        lesson.set(newLesson);
        text.set(newLesson.prompt());
        step.set(path().get(0));
        reseed();
        recompute();
    }

    /** A lesson file that failed to open: said in place, and the current lesson stays. */
    public void reportLoadProblem(Problem problem) {
        loadProblem.set(problem);
        bump();
    }

    public void dismissLoadProblem() {
        loadProblem.set(null);
        bump();
    }

    // ---- edits (undoable) ---------------------------------------------------------------

    public void setF1Weight(int index, double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        edit("f1[" + index + "]", l -> l.withF1(l.f1().with(index, value)));
    }

    public void setF2Weight(int index, double value) {
        if (!Double.isFinite(value) || lesson.get().isLookup()) {
            return;
        }
        edit("f2[" + index + "]", l -> l.withF2(l.f2().with(index, value)));
    }

    public void setTemperature(double t) {
        if (!Double.isFinite(t) || t < 0) {
            return;
        }
        edit("temperature", l -> l.withTemperature(t));
    }

    public void setTopK(int k) {
        if (k < 0) {
            return;
        }
        edit("topK", l -> l.withTopK(k));
    }

    public void setTopP(double p) {
        if (!(p > 0 && p <= 1)) {
            return;
        }
        edit("topP", l -> l.withTopP(p));
    }

    public void setNormalization(Normalization n) {
        edit("normalization", l -> l.withNormalization(n));
    }

    /** A new seed restarts the draws, so the class sees the run that seed gives. */
    public void setSeed(long seed) {
        edit("seed", l -> l.withSeed(seed));
        reseed();
        if (path().indexOf(step.get()) >= path().indexOf(Step.SAMPLE) && path().contains(Step.SAMPLE)) {
            uniform = random.nextDouble();
        }
        recompute();
    }

    /** Drags a token's 2D embedding; everything downstream follows. */
    public void moveEmbedding(int tokenIndex, double x, double y) {
        Vocabulary v = lesson.get().vocabulary();
        if (v.embeddingLength() != 2 || !Double.isFinite(x) || !Double.isFinite(y)) {
            return;
        }
        edit("embedding[" + tokenIndex + "]", l -> l.withVocabulary(l.vocabulary().withEmbedding(tokenIndex, new double[] {x, y})));
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
        lesson.set(e.before());
        canUndo.set(!undo.isEmpty());
        recompute();
    }

    /** Back to the lesson's own values; undoable, in case the class wanted the drag back. */
    public void resetToLesson() {
        if (lesson.get().equals(originalLesson.get())) {
            return;
        }
        undo.push(new Edit(lesson.get(), "reset"));
        lastEditTarget = null;
        canUndo.set(true);
        lesson.set(originalLesson.get());
        recompute();
    }

    private void edit(String target, java.util.function.UnaryOperator<Lesson> change) {
        Lesson before = lesson.get();
        Lesson after = change.apply(before);
        if (after.equals(before)) {
            return;
        }
        if (!target.equals(lastEditTarget)) {
            undo.push(new Edit(before, target));
            canUndo.set(true);
        }
        lastEditTarget = target;
        lesson.set(after);
        recompute();
    }

    // ---- derived state ------------------------------------------------------------------

    private void reseed() {
        Long seed = lesson.get().seed();
        random = new Random(seed == null ? 0 : seed);
        uniform = Double.NaN;
    }

    private void recompute() {
        trace.set(Composition.compute(lesson.get(), text.get()));
        sampledIndex.set(chosenIndex());
        bump();
    }

    /** The token the current step has chosen: the sample (or the lookup), once that step is reached. */
    private int chosenIndex() {
        Trace t = trace.get();
        if (t == null || !t.isComplete()) {
            return -1;
        }
        if (t.lookup() != null) {
            return isReached(Step.LOOKUP) ? t.lookup().index() : -1;
        }
        if (!isReached(Step.SAMPLE) || Double.isNaN(uniform)) {
            return -1;
        }
        return Sampling.inverseCdf(t.filter(), uniform);
    }

    private boolean isReached(Step s) {
        return path().indexOf(s) <= path().indexOf(step.get());
    }

    private void bump() {
        revision.set(revision.get() + 1);
    }
}
