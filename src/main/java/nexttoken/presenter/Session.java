package nexttoken.presenter;

import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import nexttoken.model.Lesson;
import nexttoken.model.Problem;

/**
 * Everything a class shares, whichever window shows it: the lesson as edited, the walk,
 * sampling, training, the search and the language, on one revision. Each window adds its
 * own {@link Appearance}. Nothing here touches a Node, so every part is tested without a toolkit.
 */
public final class Session {
    private final Revision revision = new Revision();
    private final ReadOnlyObjectWrapper<Locale> language = new ReadOnlyObjectWrapper<>(this, "language", Locale.ENGLISH);
    private final LessonModel lessons;
    private final Walkthrough walk;
    private final SamplingModel sampling;
    private final TrainingModel training;
    private final TokenSearch search;
    /** The head the attention panels show: q/k/v and the map show the same one, in every window. */
    private final javafx.beans.property.ReadOnlyIntegerWrapper shownHead =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "shownHead", 0);
    /**
     * The word read whose heads' sums the heads panel writes out, picked on the map or in the panel;
     * null for the last word, whatever the words.
     */
    private WordPick shownWord;

    /** A pick holds only for the words it was made among: once a word is appended, position 1 is another word. */
    private record WordPick(int position, java.util.List<String> words) {
        WordPick {
            words = java.util.List.copyOf(words);
        }
    }

    public Session(Lesson initial, String source, Locale locale) {
        language.set(Problem.supported(locale));
        lessons = new LessonModel(initial, source, revision);
        walk = new Walkthrough(lessons, revision);
        sampling = new SamplingModel(lessons, walk, revision);
        training = new TrainingModel(lessons, revision);
        search = new TokenSearch(lessons, revision);
    }

    /**
     * A session of its own at the same place: the lesson as edited, the text, the step and its
     * draw, what is revealed and the highlighted token. Export draws from a copy, so revealing
     * every value for a handout never shows on the live window.
     */
    public Session copy() {
        Session copy = new Session(lessons.get(), lessons.source(), language.get());
        copy.walk.copyPosition(walk);
        copy.shownHead.set(shownHead.get());
        copy.shownWord = shownWord;
        if (search.getHighlightedToken() >= 0) {
            copy.search.highlightIndex(search.getHighlightedToken());
        }
        return copy;
    }

    /**
     * Puts this session where {@code other} is — its lesson as edited, the text, the step, the
     * draw — without copying its undo history: the presenter screen's preview follows the class
     * this way, then steps one ahead.
     */
    public void follow(Session other) {
        if (lessons.get() != other.lessons.get() || !lessons.source().equals(other.lessons.source())) {
            lessons.load(other.lessons.get(), other.lessons.source());
        }
        if (!language.get().equals(other.language.get())) {
            language.set(other.language.get());
        }
        walk.copyPosition(other.walk);
        shownHead.set(other.shownHead.get());
        shownWord = other.shownWord;
        revision.bump();
    }

    /** Bumped on every change views draw from, so one listener redraws once per command. */
    public Revision revision() {
        return revision;
    }

    public LessonModel lessons() {
        return lessons;
    }

    public Walkthrough walk() {
        return walk;
    }

    public SamplingModel sampling() {
        return sampling;
    }

    public TrainingModel training() {
        return training;
    }

    public TokenSearch search() {
        return search;
    }

    public ReadOnlyObjectProperty<Locale> languageProperty() {
        return language.getReadOnlyProperty();
    }

    public Locale getLanguage() {
        return language.get();
    }

    public void setLanguage(Locale locale) {
        language.set(Problem.supported(locale));
        revision.bump();
    }

    public javafx.beans.property.ReadOnlyIntegerProperty shownHeadProperty() {
        return shownHead.getReadOnlyProperty();
    }

    /**
     * The head shown (0 is the first), within the lesson's heads: the teacher's choice is kept
     * as chosen, so head 2 comes back after a one-head lesson.
     */
    public int getShownHead() {
        var lesson = lessons().get();
        int heads = lesson.isAttention() ? lesson.attention().heads().size() : 1;
        return Math.min(shownHead.get(), heads - 1);
    }

    public void setShownHead(int head) {
        if (head < 0) {
            throw new IllegalArgumentException("head " + head);
        }
        if (head != shownHead.get()) {
            shownHead.set(head);
            revision.bump();
        }
    }

    /**
     * The position of the word the heads panel explains among {@code words}, the words read: the one
     * picked among these same words, else the last.
     */
    public int getShownWord(java.util.List<String> words) {
        WordPick pick = shownWord;
        return pick != null && pick.words().equals(words) ? pick.position() : words.size() - 1;
    }

    /** Picks the word at {@code position} of {@code words}, the words read; the last one is the default again. */
    public void setShownWord(int position, java.util.List<String> words) {
        if (position < 0 || position >= words.size()) {
            throw new IllegalArgumentException("word " + position + " of " + words.size());
        }
        WordPick pick = position == words.size() - 1 ? null : new WordPick(position, words);
        if (!java.util.Objects.equals(pick, shownWord)) {
            shownWord = pick;
            revision.bump();
        }
    }
}
