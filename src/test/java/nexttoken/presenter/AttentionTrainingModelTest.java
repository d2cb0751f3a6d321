package nexttoken.presenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.model.AttentionTraining;
import nexttoken.model.NumberText;
import nexttoken.model.Training;
import org.junit.jupiter.api.Test;

/** The app's training on an attention lesson is `train`'s: the same steps, the same losses, undone as one run. */
class AttentionTrainingModelTest {

    @Test
    void threeHundredStepsOfPart7TakeTheLossWhereTrainTakesIt() {
        Session s = new Session(BuiltInLessons.load("part7"), "part7", Locale.ENGLISH);
        s.training().setLearningRate(0.5);
        s.training().trainSteps(300);
        assertNull(s.training().trainingProblemProperty().get());
        List<Double> losses = s.training().lossesProperty();
        assertEquals(301, losses.size());
        // README: `train --lesson part7 --steps 300 --learning-rate 0.5` takes the loss from 1.7062 to 0.2702.
        assertEquals("1.706", NumberText.screen(losses.get(0), Locale.ENGLISH));
        assertEquals("0.2702", NumberText.screen(losses.get(300), Locale.ENGLISH));
        Training.Run cli = AttentionTraining.train(BuiltInLessons.load("part7"), 300, 0.5);
        assertEquals(cli.losses(), losses, "step for step what train computes");
        assertEquals(cli.lesson(), s.lessons().get());
        // Greedy now writes "el cielo es azul ." and stops at the end token.
        s.lessons().setTemperature(0);
        s.walk().generate(10);
        assertEquals(List.of("el", "cielo", "es", "azul", "."), s.walk().getText());
        s.lessons().undo();
        s.lessons().undo();
        assertEquals(BuiltInLessons.load("part7"), s.lessons().get(), "Undo takes the whole run back");
    }

    @Test
    void theMapsWeightsChangeAsTheLessonTrains() {
        Session s = new Session(BuiltInLessons.load("part7"), "part7", Locale.ENGLISH);
        var before = s.walk().getTrace().attention().heads().get(0).weights().get(2);
        s.training().trainSteps(20);
        var after = s.walk().getTrace().attention().heads().get(0).weights().get(2);
        assertNotEquals(before, after);
        assertTrue(s.training().lossesProperty().get(20) < s.training().lossesProperty().get(0));
        assertEquals(TrainingModel.meanLoss(s.lessons().get(), s.training().trainingPairs().pairs()),
                s.training().lossesProperty().get(20), 1e-12);
    }
}
