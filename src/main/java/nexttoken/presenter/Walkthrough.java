package nexttoken.presenter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import nexttoken.model.Composition;
import nexttoken.model.Lesson;
import nexttoken.model.LogitsStep;
import nexttoken.model.Ranking;
import nexttoken.model.Sampling;
import nexttoken.model.Trace;

/**
 * The walk through one prediction after another: the text so far, the current step, the
 * draw behind the sample and the trace every view draws from. Next, Back, Home, End and
 * the digit keys move it; Generate runs it ahead. It follows the lesson model's changes.
 */
public final class Walkthrough {

    /** One predicted token that Next has already appended: what Back needs to return to it. */
    private record Appended(List<String> textBefore, double uniform) {
    }

    /** A lesson this small always shows every token in its charts, as the posts do. */
    public static final int SMALL_VOCABULARY = 8;

    private final LessonModel lessons;
    private final Revision revision;
    private final ReadOnlyObjectWrapper<List<String>> text = new ReadOnlyObjectWrapper<>(this, "text", List.of());
    private final ReadOnlyObjectWrapper<Trace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.TOKENS);
    private final ReadOnlyIntegerWrapper sampledIndex = new ReadOnlyIntegerWrapper(this, "sampledIndex", -1);
    private final ReadOnlyBooleanWrapper revealAll = new ReadOnlyBooleanWrapper(this, "revealAll", false);
    private final Deque<Appended> appended = new ArrayDeque<>();
    private final List<Runnable> reseedListeners = new ArrayList<>();
    private Random random = new Random(0);
    /** The uniform draw behind the current sample, kept so that moving a slider re-reads it against the new distribution. */
    private double uniform = Double.NaN;
    private LogitsStep rankedFor;
    /** Rankings of rankedFor by how many tokens were asked: the two charts usually have room for different counts. */
    private final Map<Integer, int[]> ranked = new HashMap<>();

    public Walkthrough(LessonModel lessons, Revision revision) {
        this.lessons = lessons;
        this.revision = revision;
        restart();
        reseed();
        recompute();
        lessons.onChange(this::follow);
    }

    /** Copies another walk's position (text, step, draws so far, reveal) onto this one, for an offscreen copy. */
    void copyPosition(Walkthrough other) {
        appended.clear();
        appended.addAll(other.appended);
        text.set(other.text.get());
        step.set(other.step.get());
        revealAll.set(other.revealAll.get());
        uniform = other.uniform;
        recompute();
    }

    private void follow(LessonModel.Change change) {
        switch (change.cause()) {
            case LOAD -> {
                restart();
                reseed();
            }
            case REPLACE -> {
                restart();
                uniform = Double.NaN;
            }
            case UNDO -> {
                if (!lessons.get().vocabulary().tokens().containsAll(text.get())) {
                    // Undoing a token edit: the sentence may hold a word that no longer exists.
                    restart();
                }
            }
            case EDIT, RESET -> {
            }
        }
        recompute();
    }

    /** Back to the lesson's own prompt, at the first step; the draws are not restarted. */
    private void restart() {
        appended.clear();
        text.set(lessons.get().prompt());
        step.set(path().get(0));
    }

    /** Called whenever the draws restart from the seed (Home, a new lesson, a new seed). */
    void onReseed(Runnable listener) {
        reseedListeners.add(listener);
    }

    // ---- read-only state ------------------------------------------------------------

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

    /** The steps of this lesson, in order. */
    public List<Step> path() {
        return StepPaths.of(lessons.get());
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

    // ---- stepping -------------------------------------------------------------------

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
        append(chosen, uniform);
        uniform = Double.NaN;
        step.set(path.get(0));
        recomputeAndBump();
    }

    /** Adds a chosen token to the text, remembering what Back needs to take it off again. */
    private void append(int chosen, double drawnWith) {
        appended.push(new Appended(text.get(), drawnWith));
        List<String> longer = new ArrayList<>(text.get());
        longer.add(lessons.get().vocabulary().token(chosen));
        text.set(List.copyOf(longer));
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
        recomputeAndBump();
    }

    /** The very start: the lesson's own prompt, first step. */
    public void home() {
        if (!appended.isEmpty()) {
            text.set(appended.getLast().textBefore());
            appended.clear();
        }
        reseed();
        step.set(path().get(0));
        recomputeAndBump();
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
        if (isAtOrAfterSample(target) && Double.isNaN(uniform)) {
            uniform = random.nextDouble();
        }
        step.set(target);
        recomputeAndBump();
    }

    /** Jump by number, as the digit keys do: 1 is the first step. */
    public void goToNumber(int oneBased) {
        if (oneBased >= 1 && oneBased <= path().size()) {
            goTo(path().get(oneBased - 1));
        }
    }

    public void setRevealAll(boolean value) {
        revealAll.set(value);
        revision.bump();
    }

    /** A new seed restarts the draws, so the class sees the run that seed gives. */
    public void setSeed(long seed) {
        lessons.edit(EditTarget.Whole.SEED, l -> l.withSeed(seed));
        reseed();
        if (isAtOrAfterSample(step.get())) {
            uniform = random.nextDouble();
        }
        recomputeAndBump();
    }

    private boolean isAtOrAfterSample(Step s) {
        List<Step> path = path();
        return path.contains(Step.SAMPLE) && path.indexOf(s) >= path.indexOf(Step.SAMPLE);
    }

    /** Continues the sentence by {@code n} tokens, each drawn as Next would; Back walks them back one by one. */
    public void generate(int n) {
        for (int k = 0; k < n; k++) {
            Trace t = Composition.compute(lessons.get(), text.get());
            if (!t.isComplete()) {
                break;
            }
            double u = t.lookup() != null ? 0 : random.nextDouble();
            int chosen = t.lookup() != null ? t.lookup().index() : Sampling.inverseCdf(t.filter(), u);
            append(chosen, u);
            if (lessons.get().vocabulary().token(chosen).equals(lessons.get().endToken())) {
                break;
            }
        }
        uniform = Double.NaN;
        step.set(path().get(0));
        recomputeAndBump();
    }

    // ---- charts ---------------------------------------------------------------------

    /**
     * The tokens a chart of the top of the vocabulary shows, in vocabulary order: every token of
     * a small lesson (the posts' five); otherwise the {@code room} most probable, with the tokens
     * that must be shown whatever their rank (the sampled one, the one a search found) taking
     * places from the end so that the chart still holds {@code room} bars.
     */
    public int[] chartTokens(int room, int... alsoShow) {
        int size = lessons.get().vocabulary().size();
        if (size <= SMALL_VOCABULARY) {
            return Ranking.including(mostProbable(size), size, alsoShow);
        }
        int[] shown = Ranking.including(mostProbable(room), size, alsoShow);
        int extra = shown.length - room;
        return extra > 0 ? Ranking.including(mostProbable(Math.max(1, room - extra)), size, alsoShow) : shown;
    }

    /**
     * The n most probable tokens of the current trace (vocabulary order). Ranked once per f2
     * step and count: a temperature move, which keeps the logits, reuses the ranking.
     */
    private int[] mostProbable(int n) {
        LogitsStep f2 = trace.get() == null ? null : trace.get().f2();
        if (f2 == null) {
            return new int[0];
        }
        if (f2 != rankedFor) {
            ranked.clear();
            rankedFor = f2;
        }
        return ranked.computeIfAbsent(n, k -> Ranking.mostProbable(f2, k)).clone();
    }

    // ---- derived state --------------------------------------------------------------

    private void reseed() {
        random = new Random(lessons.seed());
        uniform = Double.NaN;
        reseedListeners.forEach(Runnable::run);
    }

    private void recomputeAndBump() {
        recompute();
        revision.bump();
    }

    private void recompute() {
        trace.set(Composition.compute(lessons.get(), text.get(), trace.get()));
        sampledIndex.set(chosenIndex());
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
}
