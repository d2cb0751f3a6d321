package nexttoken.presenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.model.ProblemKind;
import nexttoken.model.Training;
import org.junit.jupiter.api.Test;

class PresenterTrainingTest {

    private static Presenter on(String id) {
        return PresenterTest.on(id);
    }

    @Test
    void stepsLowerTheLossAndMoveTheEmbeddings() {
        Presenter p = on("part5");
        double before = Training.meanLoss(p.getLesson(), p.trainingPairs().pairs());
        assertTrue(p.trainStep());
        assertEquals(List.of(before, Training.meanLoss(p.getLesson(), p.trainingPairs().pairs())), p.lossesProperty());
        assertEquals(BuiltInLessons.load("part5"), p.beforeLastStepProperty().get());
        p.trainSteps(99);
        assertEquals(101, p.lossesProperty().size());
        assertTrue(p.lossesProperty().get(100) < before * 0.9);
        assertNotEquals(BuiltInLessons.load("part5").vocabulary(), p.getLesson().vocabulary(), "embeddings learned");
        assertEquals(BuiltInLessons.load("part5").vocabulary().tokens(), p.getLesson().vocabulary().tokens());
    }

    @Test
    void aTrainingRunIsOneUndoAndResetClearsTheCurve() {
        Presenter p = on("part5");
        p.trainSteps(10);
        p.commitEdit();
        p.undo();
        assertEquals(BuiltInLessons.load("part5"), p.getLesson());
        p.trainSteps(5);
        p.resetTraining();
        assertEquals(BuiltInLessons.load("part5"), p.getLesson());
        assertTrue(p.lossesProperty().isEmpty());
    }

    @Test
    void comparingWithIdsTrainsTheIdsTwinAtTheSameRate() {
        Presenter p = on("part5");
        p.setLearningRate(1e-5);
        p.trainSteps(20);
        p.compareWithIds(20);
        assertEquals(21, p.idsLossesProperty().size());
        assertNull(p.idsProblemProperty().get());
        assertTrue(p.idsLossesProperty().get(0) > 100, "ids make logits in the thousands: " + p.idsLossesProperty().get(0));
        p.setLearningRate(0.1);
        p.compareWithIds(20);
        assertEquals(ProblemKind.LOSS_EXPLODED, p.idsProblemProperty().get().kind());
        assertEquals(2, p.idsLossesProperty().size(), "stopped at the first step that ran away");
        p.idsLossesProperty().forEach(l -> assertTrue(Double.isFinite(l)));
    }

    @Test
    void aCorpusWordNotInTheVocabularyIsAProblemNotATrainingStep() {
        Presenter p = on("part5");
        p.setCorpus(List.of("el cielo es verde"));
        assertFalse(p.trainStep());
        assertEquals(ProblemKind.WORD_NOT_IN_VOCABULARY, p.trainingProblemProperty().get().kind());
        assertEquals("corpus[0]", p.trainingProblemProperty().get().field());
        p.undo();
        assertTrue(p.trainStep());
    }

    @Test
    void part1CannotBeTrained() {
        Presenter p = on("part1");
        assertFalse(p.trainStep());
        assertEquals(ProblemKind.NOT_TRAINABLE, p.trainingProblemProperty().get().kind());
    }

    @Test
    void invalidLearningRatesAreIgnored() {
        Presenter p = on("part5");
        p.setLearningRate(-1);
        p.setLearningRate(Double.NaN);
        p.setLearningRate(0);
        assertEquals(TrainingModel.DEFAULT_LEARNING_RATE, p.getLearningRate());
    }
}
