package nexttoken.presenter;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import nexttoken.model.Lesson;
import nexttoken.model.Normalization;
import nexttoken.model.Problem;
import nexttoken.model.Trace;
import nexttoken.model.Training;

/**
 * The session as one window sees it: the shared {@link Session} and this window's
 * {@link Appearance}. It only forwards; the state and the rules live in the session's
 * models, which new code should use directly ({@link #session()}, {@link #appearance()}).
 * A second window makes its own with {@code new Presenter(session, new Appearance(session.revision()))}.
 */
public final class Presenter {
    private final Session session;
    private final Appearance appearance;
    private final LessonModel lessons;
    private final Walkthrough walk;

    public Presenter(Lesson initial, String source, Locale locale) {
        this(new Session(initial, source, locale));
    }

    public Presenter(Session session) {
        this(session, new Appearance(session.revision()));
    }

    public Presenter(Session session, Appearance appearance) {
        this.session = session;
        this.appearance = appearance;
        this.lessons = session.lessons();
        this.walk = session.walk();
    }

    public Session session() {
        return session;
    }

    public Appearance appearance() {
        return appearance;
    }

    /** The same session drawn by another window, or offscreen, with an appearance of its own. */
    public Presenter withAppearance(Appearance other) {
        return new Presenter(session, other);
    }

    // ---- the lesson ---------------------------------------------------------------------

    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lessons.lessonProperty();
    }

    public Lesson getLesson() {
        return lessons.get();
    }

    public ReadOnlyObjectProperty<Lesson> originalLessonProperty() {
        return lessons.originalLessonProperty();
    }

    public ReadOnlyStringProperty lessonSourceProperty() {
        return lessons.lessonSourceProperty();
    }

    public ReadOnlyObjectProperty<Problem> loadProblemProperty() {
        return lessons.loadProblemProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return lessons.canUndoProperty();
    }

    public ReadOnlyObjectProperty<Lesson> savedLessonProperty() {
        return lessons.savedLessonProperty();
    }

    public boolean isDirty() {
        return lessons.isDirty();
    }

    public long seed() {
        return lessons.seed();
    }

    public void load(Lesson newLesson, String source) {
        lessons.load(newLesson, source);
    }

    public void reportLoadProblem(Problem problem) {
        lessons.reportLoadProblem(problem);
    }

    public void dismissLoadProblem() {
        lessons.dismissLoadProblem();
    }

    public void markSaved(String source) {
        lessons.markSaved(source);
    }

    public void setF1Weight(int index, double value) {
        lessons.setF1Weight(index, value);
    }

    public void setF2Weight(int index, double value) {
        lessons.setF2Weight(index, value);
    }

    public void setTemperature(double t) {
        lessons.setTemperature(t);
    }

    public void setTopK(int k) {
        lessons.setTopK(k);
    }

    public void setTopP(double p) {
        lessons.setTopP(p);
    }

    public void setNormalization(Normalization n) {
        lessons.setNormalization(n);
    }

    public void moveEmbedding(int tokenIndex, double x, double y) {
        lessons.moveEmbedding(tokenIndex, x, y);
    }

    public void commitEdit() {
        lessons.commitEdit();
    }

    public void undo() {
        lessons.undo();
    }

    public void resetToLesson() {
        lessons.resetToLesson();
    }

    public void applyLessonEdit(Lesson edited) {
        lessons.applyLessonEdit(edited);
    }

    // ---- the walk -----------------------------------------------------------------------

    public ReadOnlyObjectProperty<List<String>> textProperty() {
        return walk.textProperty();
    }

    public List<String> getText() {
        return walk.getText();
    }

    public ReadOnlyObjectProperty<Trace> traceProperty() {
        return walk.traceProperty();
    }

    public Trace getTrace() {
        return walk.getTrace();
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return walk.stepProperty();
    }

    public Step getStep() {
        return walk.getStep();
    }

    public ReadOnlyIntegerProperty sampledIndexProperty() {
        return walk.sampledIndexProperty();
    }

    public int getSampledIndex() {
        return walk.getSampledIndex();
    }

    public ReadOnlyBooleanProperty revealAllProperty() {
        return walk.revealAllProperty();
    }

    public List<Step> path() {
        return walk.path();
    }

    public boolean isRevealed(Step s) {
        return walk.isRevealed(s);
    }

    public int appendedCount() {
        return walk.appendedCount();
    }

    public void next() {
        walk.next();
    }

    public void back() {
        walk.back();
    }

    public void home() {
        walk.home();
    }

    public void end() {
        walk.end();
    }

    public void goTo(Step target) {
        walk.goTo(target);
    }

    public void goToNumber(int oneBased) {
        walk.goToNumber(oneBased);
    }

    public void setRevealAll(boolean value) {
        walk.setRevealAll(value);
    }

    public void setSeed(long seed) {
        walk.setSeed(seed);
    }

    public void generate(int n) {
        walk.generate(n);
    }

    public int[] chartTokens(int room, int... alsoShow) {
        return walk.chartTokens(room, alsoShow);
    }

    // ---- session-wide -------------------------------------------------------------------

    public ReadOnlyIntegerProperty revisionProperty() {
        return session.revision().property();
    }

    public ReadOnlyObjectProperty<Locale> languageProperty() {
        return session.languageProperty();
    }

    public Locale getLanguage() {
        return session.getLanguage();
    }

    public void setLanguage(Locale locale) {
        session.setLanguage(locale);
    }

    public ReadOnlyIntegerProperty shownHeadProperty() {
        return session.shownHeadProperty();
    }

    public int getShownHead() {
        return session.getShownHead();
    }

    public void setShownHead(int head) {
        session.setShownHead(head);
    }

    /** The position of the word whose heads' sums are written out, among {@code words}, the words read. */
    public int getShownWord(java.util.List<String> words) {
        return session.getShownWord(words);
    }

    public void setShownWord(int position, java.util.List<String> words) {
        session.setShownWord(position, words);
    }

    public ReadOnlyIntegerProperty highlightedTokenProperty() {
        return session.search().highlightedTokenProperty();
    }

    public int getHighlightedToken() {
        return session.search().getHighlightedToken();
    }

    public int highlight(String query) {
        return session.search().highlight(query);
    }

    // ---- sampling -----------------------------------------------------------------------

    public ReadOnlyListProperty<SampleRun> samplesProperty() {
        return session.sampling().samplesProperty();
    }

    public ReadOnlyObjectProperty<SampleCounts> countsProperty() {
        return session.sampling().countsProperty();
    }

    public void sampleOnce() {
        session.sampling().sampleOnce();
    }

    public void sampleSentences(int n) {
        session.sampling().sampleSentences(n);
    }

    public void sampleCounts(int n) {
        session.sampling().sampleCounts(n);
    }

    public void clearSamples() {
        session.sampling().clearSamples();
    }

    // ---- training -----------------------------------------------------------------------

    public ReadOnlyListProperty<Double> lossesProperty() {
        return session.training().lossesProperty();
    }

    public ReadOnlyListProperty<Double> idsLossesProperty() {
        return session.training().idsLossesProperty();
    }

    public ReadOnlyObjectProperty<Problem> trainingProblemProperty() {
        return session.training().trainingProblemProperty();
    }

    public ReadOnlyObjectProperty<Problem> idsProblemProperty() {
        return session.training().idsProblemProperty();
    }

    public ReadOnlyObjectProperty<Lesson> beforeLastStepProperty() {
        return session.training().beforeLastStepProperty();
    }

    public double getLearningRate() {
        return session.training().getLearningRate();
    }

    public void setLearningRate(double lr) {
        session.training().setLearningRate(lr);
    }

    public Training.Pairs trainingPairs() {
        return session.training().trainingPairs();
    }

    public boolean trainStep() {
        return session.training().trainStep();
    }

    public void trainSteps(int n) {
        session.training().trainSteps(n);
    }

    public void resetTraining() {
        session.training().resetTraining();
    }

    public void setCorpus(List<String> sentences) {
        session.training().setCorpus(sentences);
    }

    public void compareWithIds(int steps) {
        session.training().compareWithIds(steps);
    }

    // ---- this window's appearance -------------------------------------------------------

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return appearance.themeProperty();
    }

    public Theme getTheme() {
        return appearance.getTheme();
    }

    public void setTheme(Theme t) {
        appearance.setTheme(t);
    }

    public ReadOnlyDoubleProperty zoomProperty() {
        return appearance.zoomProperty();
    }

    public double getZoom() {
        return appearance.getZoom();
    }

    public void zoomIn() {
        appearance.zoomIn();
    }

    public void zoomOut() {
        appearance.zoomOut();
    }

    public void resetZoom() {
        appearance.resetZoom();
    }
}
