package nexttoken.presenter;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import nexttoken.model.Sampling;
import nexttoken.model.Trace;

/**
 * The sampling panel's experiments: sentences drawn from the current text and draws counted
 * per token. Its draws have their own Random, apart from the walk's, so that sampling never
 * changes the walk; they restart from the seed whenever the walk's do.
 */
public final class SamplingModel {
    /** A three-hour workshop must not grow the heap: the oldest samples go first. */
    static final int MAX_SAMPLES = 1000;

    private final LessonModel lessons;
    private final Walkthrough walk;
    private final Revision revision;
    private final ReadOnlyListWrapper<SampleRun> samples =
            new ReadOnlyListWrapper<>(this, "samples", FXCollections.observableArrayList());
    private final ReadOnlyObjectWrapper<SampleCounts> counts = new ReadOnlyObjectWrapper<>(this, "counts");
    private Random random;

    public SamplingModel(LessonModel lessons, Walkthrough walk, Revision revision) {
        this.lessons = lessons;
        this.walk = walk;
        this.revision = revision;
        this.random = new Random(lessons.seed());
        walk.onReseed(() -> random = new Random(lessons.seed()));
        lessons.onChange(c -> {
            if (c.cause() == LessonModel.Cause.LOAD) {
                samples.clear();
                counts.set(null);
            }
        });
    }

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
        Trace t = walk.getTrace();
        if (!t.isComplete()) {
            return;
        }
        List<SampleRun> runs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = Sampling.sample(t, random);
            runs.add(new SampleRun(walk.getText(), List.of(lessons.get().vocabulary().token(index))));
        }
        samples.addAll(runs);
        if (samples.size() > MAX_SAMPLES) {
            samples.remove(0, samples.size() - MAX_SAMPLES);
        }
        revision.bump();
    }

    /** {@code n} draws counted per token, beside the probabilities they come from. */
    public void sampleCounts(int n) {
        Trace t = walk.getTrace();
        if (!t.isComplete() || t.filter() == null) {
            return;
        }
        int[] c = new int[lessons.get().vocabulary().size()];
        // One running sum for all n draws: the same tokens as n walks, without n passes over 100,000 tokens.
        Sampling.Cdf cdf = Sampling.cdf(t);
        for (int i = 0; i < n; i++) {
            c[cdf.inverse(random.nextDouble())]++;
        }
        counts.set(new SampleCounts(n, lessons.seed(), c, t.filter().probabilities()));
        revision.bump();
    }

    /** Empties the history and restarts the draws from the seed, so the class can replay the same run. */
    public void clearSamples() {
        samples.clear();
        counts.set(null);
        random = new Random(lessons.seed());
        revision.bump();
    }
}
