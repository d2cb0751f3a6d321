package nexttoken.presenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Locale;
import nexttoken.lesson.BuiltInLessons;
import org.junit.jupiter.api.Test;

/** Sampling owns its draws: replayable from the seed and never moving the walk. */
class SamplingModelTest {

    private static Session session() {
        return new Session(BuiltInLessons.load("part3"), "part3", Locale.ENGLISH);
    }

    @Test
    void samplingNeverChangesTheWalk() {
        Session sampled = session();
        Session untouched = session();
        sampled.sampling().sampleSentences(25);
        sampled.walk().generate(10);
        untouched.walk().generate(10);
        assertEquals(untouched.walk().getText(), sampled.walk().getText());
    }

    @Test
    void clearingReplaysTheSameRunFromTheSeed() {
        Session s = session();
        s.sampling().sampleSentences(12);
        List<SampleRun> first = List.copyOf(s.sampling().samplesProperty());
        s.sampling().clearSamples();
        s.sampling().sampleSentences(12);
        assertEquals(first, s.sampling().samplesProperty());
    }

    @Test
    void countsAddUpToTheDrawsAndANewLessonClearsThem() {
        Session s = session();
        s.sampling().sampleCounts(1000);
        SampleCounts c = s.sampling().countsProperty().get();
        assertEquals(1000, java.util.Arrays.stream(c.counts()).sum());
        assertEquals(42, c.seed(), "part 3 names seed 42");
        s.lessons().load(BuiltInLessons.load("part4"), "part4");
        assertNull(s.sampling().countsProperty().get());
        assertEquals(0, s.sampling().samplesProperty().size());
    }

    @Test
    void theHistoryIsBounded() {
        Session s = session();
        s.sampling().sampleSentences(SamplingModel.MAX_SAMPLES + 7);
        assertEquals(SamplingModel.MAX_SAMPLES, s.sampling().samplesProperty().size());
    }
}
