package nexttoken.view.present;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.layout.StackPane;
import nexttoken.presenter.Presenter;
import nexttoken.view.poll.PollBoard;

/**
 * What the class sees: the lesson, or while a class poll is open the poll's board in its place
 * (the QR code and the count; the split only after Reveal). Closing the poll shows the lesson
 * again at the step reached, which the walk kept all along. The projector window shows one, and
 * the presenter window's picture of "what the class sees now" is another over the same presenter.
 */
final class ClassPicture extends StackPane {
    private final Presenter presenter;
    private final LessonStage lesson;
    private final PollBoard poll;
    // Held in a field: the session keeps only a weak reference, so a closed window's picture is collected.
    private final InvalidationListener onPoll = o -> showWhatIsOpen();

    ClassPicture(Presenter presenter) {
        this.presenter = presenter;
        lesson = new LessonStage(presenter);
        poll = new PollBoard(presenter);
        poll.getStyleClass().add("poll-on-stage");
        getChildren().addAll(lesson, poll);
        presenter.session().poll().openProperty().addListener(new WeakInvalidationListener(onPoll));
        showWhatIsOpen();
    }

    private void showWhatIsOpen() {
        boolean polling = presenter.session().poll().isOpen();
        poll.setVisible(polling);
        // Hidden, not only covered: a covered lesson would still be read out by a screen reader and take clicks.
        lesson.setVisible(!polling);
    }

    LessonStage lesson() {
        return lesson;
    }

    PollBoard poll() {
        return poll;
    }

    boolean showsThePoll() {
        return poll.isVisible();
    }
}
