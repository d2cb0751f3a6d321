package nexttoken.presenter;

import java.util.List;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import nexttoken.model.Lesson;
import nexttoken.model.LessonKind;
import nexttoken.model.Problem;
import nexttoken.model.ProblemKind;
import nexttoken.model.Training;

/**
 * Training on the lesson's corpus: the loss curve, the curve of the same lesson read with
 * ids, the learning rate and why the last step was refused. A step is an edit of the lesson
 * model, so the walk and every view follow it and Undo takes a whole run back.
 */
public final class TrainingModel {
    public static final double DEFAULT_LEARNING_RATE = 0.1;

    private final LessonModel lessons;
    private final Revision revision;
    private final ReadOnlyListWrapper<Double> losses =
            new ReadOnlyListWrapper<>(this, "losses", FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<Double> idsLosses =
            new ReadOnlyListWrapper<>(this, "idsLosses", FXCollections.observableArrayList());
    private final ReadOnlyObjectWrapper<Problem> trainingProblem = new ReadOnlyObjectWrapper<>(this, "trainingProblem");
    private final ReadOnlyObjectWrapper<Problem> idsProblem = new ReadOnlyObjectWrapper<>(this, "idsProblem");
    private final ReadOnlyObjectWrapper<Lesson> beforeLastStep = new ReadOnlyObjectWrapper<>(this, "beforeLastStep");
    private double learningRate = DEFAULT_LEARNING_RATE;

    public TrainingModel(LessonModel lessons, Revision revision) {
        this.lessons = lessons;
        this.revision = revision;
        lessons.onChange(c -> {
            if (c.cause() == LessonModel.Cause.LOAD) {
                clear();
            }
        });
    }

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
            revision.bump();
        }
    }

    /** The corpus's (context → next token) pairs, or the first word that is not in the vocabulary. */
    public Training.Pairs trainingPairs() {
        return Training.pairs(lessons.get());
    }

    /**
     * One full-batch gradient step on the corpus. Steps in a row count as one undoable
     * edit, so Undo takes back a whole training run; a step that diverges is refused.
     */
    public boolean trainStep() {
        Lesson current = lessons.get();
        if (current.kind() == LessonKind.LOOKUP) {
            return refuse(Problem.of(ProblemKind.NOT_TRAINABLE, "f2"));
        }
        Training.Pairs pairs = Training.pairs(current);
        if (pairs.problem() != null || pairs.pairs().isEmpty()) {
            return refuse(pairs.problem() != null ? pairs.problem()
                    : Problem.of(ProblemKind.NO_TRAINING_PAIRS, "corpus", current.contextLength() + 1));
        }
        Training.Run run = Training.step(current, pairs.pairs(), learningRate);
        if (run.problem() != null) {
            return refuse(run.problem());
        }
        double start = losses.isEmpty() ? run.losses().get(0) : losses.get(0);
        Problem exploded = Training.divergence(start, run.losses().get(1));
        if (exploded != null) {
            return refuse(exploded);
        }
        trainingProblem.set(null);
        if (losses.isEmpty()) {
            losses.add(run.losses().get(0));
        }
        losses.add(run.losses().get(1));
        beforeLastStep.set(current);
        lessons.edit(EditTarget.Whole.TRAINING, l -> run.lesson());
        return true;
    }

    private boolean refuse(Problem why) {
        trainingProblem.set(why);
        revision.bump();
        return false;
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
        lessons.resetToLesson();
        clear();
        revision.bump();
    }

    private void clear() {
        losses.clear();
        idsLosses.clear();
        trainingProblem.set(null);
        idsProblem.set(null);
        beforeLastStep.set(null);
    }

    /** New corpus sentences; an undoable edit like any other. */
    public void setCorpus(List<String> sentences) {
        List<String> cleaned = sentences.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
        lessons.edit(EditTarget.Whole.CORPUS, l -> l.withCorpus(cleaned));
        losses.clear();
        idsLosses.clear();
        trainingProblem.set(null);
        revision.bump();
    }

    /**
     * Trains the lesson read with ids, from the lesson's own weights, for as many steps
     * as the loss curve has, at the same learning rate: the curve to compare with.
     */
    public void compareWithIds(int steps) {
        Lesson start = Training.idsTwin(lessons.originalLessonProperty().get()).withCorpus(lessons.get().corpus());
        Training.Run run = Training.train(start, steps, learningRate);
        idsLosses.setAll(run.losses());
        idsProblem.set(run.problem());
        revision.bump();
    }
}
