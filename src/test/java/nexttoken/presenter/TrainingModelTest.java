package nexttoken.presenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.model.Lesson;
import nexttoken.model.ProblemKind;
import nexttoken.model.Training;
import org.junit.jupiter.api.Test;

/** Training over a lesson model alone: the curve, the refusals and one undo per run. */
class TrainingModelTest {
    private final Revision revision = new Revision();
    private final Lesson part5 = BuiltInLessons.load("part5");
    private final LessonModel lessons = new LessonModel(part5, "part5", revision);
    private final TrainingModel training = new TrainingModel(lessons, revision);

    @Test
    void aStepIsAnEditOfTheLessonWithTheLossBeforeAndAfter() {
        double before = Training.meanLoss(part5, training.trainingPairs().pairs());
        assertTrue(training.trainStep());
        assertEquals(List.of(before, Training.meanLoss(lessons.get(), training.trainingPairs().pairs())),
                training.lossesProperty());
        assertEquals(part5, training.beforeLastStepProperty().get());
        training.trainSteps(4);
        assertEquals(6, training.lossesProperty().size());
        lessons.undo();
        assertEquals(part5, lessons.get(), "five steps in a row are one undo");
    }

    @Test
    void aLookupLessonIsRefusedWithAProblemNamingF2() {
        lessons.load(BuiltInLessons.load("part1"), "part1");
        assertFalse(training.trainStep());
        assertEquals(ProblemKind.NOT_TRAINABLE, training.trainingProblemProperty().get().kind());
        assertEquals("f2", training.trainingProblemProperty().get().field());
    }

    @Test
    void aNewLessonClearsTheCurve() {
        training.trainSteps(3);
        lessons.load(BuiltInLessons.load("part4"), "part4");
        assertTrue(training.lossesProperty().isEmpty());
        assertNull(training.beforeLastStepProperty().get());
    }

    @Test
    void theLearningRateRefusesWhatIsNotAPositiveNumber() {
        training.setLearningRate(0.25);
        training.setLearningRate(-1);
        training.setLearningRate(Double.NaN);
        assertEquals(0.25, training.getLearningRate());
    }
}
