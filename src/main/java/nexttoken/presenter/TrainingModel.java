package nexttoken.presenter;

import java.util.List;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import nexttoken.model.Lesson;
import nexttoken.model.AttentionTraining;
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
        return pairs(lessons.get());
    }

    /** Parts 2 to 5 read exactly their f1's words; an attention lesson reads from one word up to its window. */
    private static Training.Pairs pairs(Lesson lesson) {
        return switch (lesson.kind()) {
            case LOOKUP, IDS, EMBEDDINGS -> Training.pairs(lesson);
            case ATTENTION -> AttentionTraining.pairs(lesson);
        };
    }

    /** The fewest corpus words a sentence needs to give a pair (the training view says so when none does). */
    public static int shortestSentence(Lesson lesson) {
        return lesson.kind() == LessonKind.ATTENTION ? 2 : lesson.contextLength() + 1;
    }

    /** The mean loss over the pairs, by the lesson's own model. */
    public static double meanLoss(Lesson lesson, java.util.List<Training.Pair> pairs) {
        return lesson.kind() == LessonKind.ATTENTION ? AttentionTraining.meanLoss(lesson, pairs)
                : Training.meanLoss(lesson, pairs);
    }

    /** One pair's loss, −log p(target), by the lesson's own model. */
    public static double pairLoss(Lesson lesson, Training.Pair pair) {
        return lesson.kind() == LessonKind.ATTENTION ? AttentionTraining.pairLoss(lesson, pair)
                : Training.pairLoss(lesson, pair);
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
        Training.Pairs pairs = pairs(current);
        if (pairs.problem() != null || pairs.pairs().isEmpty()) {
            return refuse(pairs.problem() != null ? pairs.problem()
                    : Problem.of(ProblemKind.NO_TRAINING_PAIRS, "corpus", shortestSentence(current)));
        }
        Training.Run run = current.kind() == LessonKind.ATTENTION
                ? AttentionTraining.step(current, pairs.pairs(), learningRate)
                : Training.step(current, pairs.pairs(), learningRate);
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
        if (lessons.get().kind() == LessonKind.ATTENTION) {
            return; // attention reads embeddings by definition: there is no ids twin to compare with
        }
        Lesson start = Training.idsTwin(lessons.originalLessonProperty().get()).withCorpus(lessons.get().corpus());
        Training.Run run = Training.train(start, steps, learningRate);
        idsLosses.setAll(run.losses());
        idsProblem.set(run.problem());
        revision.bump();
    }
}
