package nexttoken.presenter;

import nexttoken.model.LessonKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.collections.FXCollections;
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
import nexttoken.model.Training;
import nexttoken.model.ProblemKind;
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
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme", Theme.LIGHT);
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1.0);
    private final ReadOnlyObjectWrapper<Lesson> savedLesson = new ReadOnlyObjectWrapper<>(this, "savedLesson");
    private final ReadOnlyListWrapper<SampleRun> samples =
            new ReadOnlyListWrapper<>(this, "samples", FXCollections.observableArrayList());
    private final ReadOnlyObjectWrapper<SampleCounts> counts = new ReadOnlyObjectWrapper<>(this, "counts");
    private final ReadOnlyListWrapper<Double> losses =
            new ReadOnlyListWrapper<>(this, "losses", FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<Double> idsLosses =
            new ReadOnlyListWrapper<>(this, "idsLosses", FXCollections.observableArrayList());
    private final ReadOnlyObjectWrapper<Problem> trainingProblem = new ReadOnlyObjectWrapper<>(this, "trainingProblem");
    private final ReadOnlyObjectWrapper<Problem> idsProblem = new ReadOnlyObjectWrapper<>(this, "idsProblem");
    private final ReadOnlyObjectWrapper<Lesson> beforeLastStep = new ReadOnlyObjectWrapper<>(this, "beforeLastStep");
    private double learningRate = DEFAULT_LEARNING_RATE;
    private final ReadOnlyIntegerWrapper highlightedToken = new ReadOnlyIntegerWrapper(this, "highlightedToken", -1);

    public static final double DEFAULT_LEARNING_RATE = 0.1;

    /** A three-hour workshop must not grow the heap: the oldest undo steps and samples go first. */
    static final int MAX_UNDO = 200;
    static final int MAX_SAMPLES = 1000;

    private final Deque<Appended> appended = new ArrayDeque<>();
    private final Deque<Edit> undo = new ArrayDeque<>();
    private String lastEditTarget;
    private Random random = new Random(0);
    /** Draws for the sampling panel, apart from the stepping draws so that sampling never changes the walk. */
    private Random samplingRandom = new Random(0);
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
        return StepPaths.of(lesson.get().kind());
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

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public Theme getTheme() {
        return theme.get();
    }

    public void setTheme(Theme t) {
        theme.set(t);
        bump();
    }

    /** How much Ctrl + and Ctrl − have enlarged the UI: 1 is the size the window chose. */
    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    public double getZoom() {
        return zoom.get();
    }

    public static final double MIN_ZOOM = 0.6;
    public static final double MAX_ZOOM = 2.5;

    public void zoomIn() {
        setZoom(zoom.get() * 1.1);
    }

    public void zoomOut() {
        setZoom(zoom.get() / 1.1);
    }

    public void resetZoom() {
        setZoom(1.0);
    }

    private void setZoom(double z) {
        zoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z)));
        bump();
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
        append(chosen, uniform);
        uniform = Double.NaN;
        step.set(path.get(0));
        recompute();
    }

    /** Adds a chosen token to the text, remembering what Back needs to take it off again. */
    private void append(int chosen, double drawnWith) {
        appended.push(new Appended(text.get(), drawnWith));
        List<String> longer = new ArrayList<>(text.get());
        longer.add(lesson.get().vocabulary().token(chosen));
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
        savedLesson.set(newLesson);
        samples.clear();
        counts.set(null);
        clearTraining();
        highlightedToken.set(-1);
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
        if (!Double.isFinite(value) || lesson.get().kind() == LessonKind.LOOKUP) {
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
        if (!lesson.get().vocabulary().tokens().containsAll(text.get())) {
            // Undoing a token edit: the sentence may hold a word that no longer exists.
            appended.clear();
            text.set(lesson.get().prompt());
            step.set(path().get(0));
        }
        canUndo.set(!undo.isEmpty());
        recompute();
    }

    /** Back to the lesson's own values; undoable, in case the class wanted the drag back. */
    public void resetToLesson() {
        if (lesson.get().equals(originalLesson.get())) {
            return;
        }
        pushUndo(new Edit(lesson.get(), "reset"));
        lastEditTarget = null;
        lesson.set(originalLesson.get());
        recompute();
    }

    private void pushUndo(Edit e) {
        undo.push(e);
        while (undo.size() > MAX_UNDO) {
            undo.removeLast();
        }
        canUndo.set(true);
    }

    private void edit(String target, java.util.function.UnaryOperator<Lesson> change) {
        Lesson before = lesson.get();
        Lesson after = change.apply(before);
        if (after.equals(before)) {
            return;
        }
        if (!target.equals(lastEditTarget)) {
            pushUndo(new Edit(before, target));
        }
        lastEditTarget = target;
        lesson.set(after);
        recompute();
    }

    // ---- sampling panel ------------------------------------------------------------------

    public ReadOnlyListProperty<SampleRun> samplesProperty() {
        return samples.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SampleCounts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** Draws one next token for the current text and adds the sentence to the history. */
    public void sampleOnce() {
        sampleSentences(1);
    }

    /** The post's experiment: the same prompt, {@code n} times, one sentence each. */
    public void sampleSentences(int n) {
        Trace t = trace.get();
        if (!t.isComplete()) {
            return;
        }
        List<SampleRun> runs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = Sampling.sample(t, samplingRandom);
            runs.add(new SampleRun(text.get(), List.of(lesson.get().vocabulary().token(index))));
        }
        samples.addAll(runs);
        if (samples.size() > MAX_SAMPLES) {
            samples.remove(0, samples.size() - MAX_SAMPLES);
        }
        bump();
    }

    /** {@code n} draws counted per token, beside the probabilities they come from. */
    public void sampleCounts(int n) {
        Trace t = trace.get();
        if (!t.isComplete() || t.filter() == null) {
            return;
        }
        int[] c = new int[lesson.get().vocabulary().size()];
        // One running sum for all n draws: the same tokens as n walks, without n passes over 100,000 tokens.
        Sampling.Cdf cdf = Sampling.cdf(t);
        for (int i = 0; i < n; i++) {
            c[cdf.inverse(samplingRandom.nextDouble())]++;
        }
        counts.set(new SampleCounts(n, seed(), c, t.filter().probabilities()));
        bump();
    }

    /** Empties the history and restarts the draws from the seed, so the class can replay the same run. */
    public void clearSamples() {
        samples.clear();
        counts.set(null);
        samplingRandom = new Random(seed());
        bump();
    }

    /** Continues the sentence by {@code n} tokens, each drawn as Next would; Back walks them back one by one. */
    public void generate(int n) {
        for (int k = 0; k < n; k++) {
            Trace t = Composition.compute(lesson.get(), text.get());
            if (!t.isComplete()) {
                break;
            }
            double u = t.lookup() != null ? 0 : random.nextDouble();
            int chosen = t.lookup() != null ? t.lookup().index() : Sampling.inverseCdf(t.filter(), u);
            append(chosen, u);
        }
        uniform = Double.NaN;
        step.set(path().get(0));
        recompute();
    }

    // ---- search -------------------------------------------------------------------------

    /** The token the search box found, marked in every view; -1 when none. */
    public ReadOnlyIntegerProperty highlightedTokenProperty() {
        return highlightedToken.getReadOnlyProperty();
    }

    public int getHighlightedToken() {
        return highlightedToken.get();
    }

    /**
     * Finds a token: the exact token first, then one that starts with the query, then one
     * that contains it (ignoring case; "▁" stands for a leading space). Returns its index, or -1.
     */
    public int highlight(String query) {
        String q = query == null ? "" : query.strip();
        int found = -1;
        if (!q.isEmpty()) {
            Vocabulary v = lesson.get().vocabulary();
            found = v.indexOf(q).orElse(v.indexOf("▁" + q).orElse(-1));
            String lower = q.toLowerCase(Locale.ROOT);
            for (int pass = 0; pass < 2 && found < 0; pass++) {
                for (int i = 0; i < v.size(); i++) {
                    String token = v.token(i).toLowerCase(Locale.ROOT).replace("▁", "");
                    if (pass == 0 ? token.startsWith(lower) : token.contains(lower)) {
                        found = i;
                        break;
                    }
                }
            }
        }
        highlightedToken.set(found);
        bump();
        return found;
    }

    // ---- training -----------------------------------------------------------------------

    /** The mean loss before training, then after every step taken so far. */
    public ReadOnlyListProperty<Double> lossesProperty() {
        return losses.getReadOnlyProperty();
    }

    /** The same, for the lesson read with ids instead of embeddings ("why embeddings"). */
    public ReadOnlyListProperty<Double> idsLossesProperty() {
        return idsLosses.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Problem> trainingProblemProperty() {
        return trainingProblem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Problem> idsProblemProperty() {
        return idsProblem.getReadOnlyProperty();
    }

    /** The lesson before the last training step, so a view can show every weight before → after. */
    public ReadOnlyObjectProperty<Lesson> beforeLastStepProperty() {
        return beforeLastStep.getReadOnlyProperty();
    }

    public double getLearningRate() {
        return learningRate;
    }

    public void setLearningRate(double lr) {
        if (Double.isFinite(lr) && lr > 0) {
            learningRate = lr;
            bump();
        }
    }

    /** The corpus's (context → next token) pairs, or the first word that is not in the vocabulary. */
    public Training.Pairs trainingPairs() {
        return Training.pairs(lesson.get());
    }

    /**
     * One full-batch gradient step on the corpus. Steps in a row count as one undoable
     * edit, so Undo takes back a whole training run; a step that diverges is refused.
     */
    public boolean trainStep() {
        Lesson current = lesson.get();
        if (current.kind() == LessonKind.LOOKUP) {
            trainingProblem.set(Problem.of(ProblemKind.NOT_TRAINABLE, "f2"));
            bump();
            return false;
        }
        Training.Pairs pairs = Training.pairs(current);
        if (pairs.problem() != null || pairs.pairs().isEmpty()) {
            trainingProblem.set(pairs.problem() != null ? pairs.problem()
                    : Problem.of(ProblemKind.NO_TRAINING_PAIRS, "corpus", current.contextLength() + 1));
            bump();
            return false;
        }
        Training.Run run = Training.step(current, pairs.pairs(), learningRate);
        if (run.problem() != null) {
            trainingProblem.set(run.problem());
            bump();
            return false;
        }
        double start = losses.isEmpty() ? run.losses().get(0) : losses.get(0);
        Problem exploded = Training.divergence(start, run.losses().get(1));
        if (exploded != null) {
            trainingProblem.set(exploded);
            bump();
            return false;
        }
        trainingProblem.set(null);
        if (losses.isEmpty()) {
            losses.add(run.losses().get(0));
        }
        losses.add(run.losses().get(1));
        beforeLastStep.set(current);
        edit("training", l -> run.lesson());
        return true;
    }

    /** {@code n} steps at once (the view animates by calling {@link #trainStep()} per frame instead). */
    public void trainSteps(int n) {
        for (int k = 0; k < n; k++) {
            if (!trainStep()) {
                return;
            }
        }
    }

    /** Back to the lesson's own weights, with an empty loss curve. */
    public void resetTraining() {
        resetToLesson();
        clearTraining();
        bump();
    }

    private void clearTraining() {
        losses.clear();
        idsLosses.clear();
        trainingProblem.set(null);
        idsProblem.set(null);
        beforeLastStep.set(null);
    }

    /** New corpus sentences; an undoable edit like any other. */
    public void setCorpus(List<String> sentences) {
        List<String> cleaned = sentences.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
        edit("corpus", l -> l.withCorpus(cleaned));
        losses.clear();
        idsLosses.clear();
        trainingProblem.set(null);
        bump();
    }

    /**
     * Trains the lesson read with ids, from the lesson's own weights, for as many steps
     * as the loss curve has, at the same learning rate: the curve to compare with.
     */
    public void compareWithIds(int steps) {
        Lesson start = Training.idsTwin(originalLesson.get()).withCorpus(lesson.get().corpus());
        Training.Run run = Training.train(start, steps, learningRate);
        idsLosses.setAll(run.losses());
        idsProblem.set(run.problem());
        bump();
    }

    // ---- saving -------------------------------------------------------------------------

    /** The lesson as last opened or saved: what "unsaved changes" are measured against. */
    public ReadOnlyObjectProperty<Lesson> savedLessonProperty() {
        return savedLesson.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return !lesson.get().equals(savedLesson.get());
    }

    /** After a save: the file now holds this lesson, under this name. */
    public void markSaved(String source) {
        savedLesson.set(lesson.get());
        originalLesson.set(lesson.get());
        lessonSource.set(source);
        bump();
    }

    /**
     * A whole-lesson edit from the editor (tokens, ids, embeddings, prompt), already
     * validated; undoable like any other edit. The text restarts from the new prompt.
     */
    public void applyLessonEdit(Lesson edited) {
        if (edited.equals(lesson.get())) {
            return;
        }
        pushUndo(new Edit(lesson.get(), "lesson"));
        lastEditTarget = null;
        lesson.set(edited);
        appended.clear();
        text.set(edited.prompt());
        step.set(path().get(0));
        uniform = Double.NaN;
        recompute();
    }

    // ---- derived state ------------------------------------------------------------------

    private void reseed() {
        random = new Random(seed());
        samplingRandom = new Random(seed());
        uniform = Double.NaN;
    }

    /** The lesson's seed; a lesson without one samples with 0, and the panel shows that. */
    public long seed() {
        Long seed = lesson.get().seed();
        return seed == null ? 0 : seed;
    }

    private void recompute() {
        trace.set(Composition.compute(lesson.get(), text.get(), trace.get()));
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

    private nexttoken.model.LogitsStep rankedFor;
    /** Rankings of rankedFor by how many tokens were asked: the two charts usually have room for different counts. */
    private final java.util.Map<Integer, int[]> ranked = new java.util.HashMap<>();

    /**
     * The n most probable tokens of the current trace (vocabulary order). Ranked once per f2
     * step and count: a temperature move, which keeps the logits, reuses the ranking.
     */
    private int[] mostProbable(int n) {
        nexttoken.model.LogitsStep f2 = trace.get() == null ? null : trace.get().f2();
        if (f2 == null) {
            return new int[0];
        }
        if (f2 != rankedFor) {
            ranked.clear();
            rankedFor = f2;
        }
        return ranked.computeIfAbsent(n, k -> nexttoken.model.Ranking.mostProbable(f2, k)).clone();
    }

    /** A lesson this small always shows every token in its charts, as the posts do. */
    public static final int SMALL_VOCABULARY = 8;

    /**
     * The tokens a chart of the top of the vocabulary shows, in vocabulary order: every token of
     * a small lesson (the posts' five); otherwise the {@code room} most probable, with the tokens
     * that must be shown whatever their rank (the sampled one, the one a search found) taking
     * places from the end so that the chart still holds {@code room} bars.
     */
    public int[] chartTokens(int room, int... alsoShow) {
        int size = lesson.get().vocabulary().size();
        if (size <= SMALL_VOCABULARY) {
            return nexttoken.model.Ranking.including(mostProbable(size), size, alsoShow);
        }
        int[] shown = nexttoken.model.Ranking.including(mostProbable(room), size, alsoShow);
        int extra = shown.length - room;
        return extra > 0 ? nexttoken.model.Ranking.including(mostProbable(Math.max(1, room - extra)), size, alsoShow) : shown;
    }

    private void bump() {
        revision.set(revision.get() + 1);
    }
}
