package nexttoken.presenter;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Which class poll is open in a session, if any: the main window, the presenter window and the
 * projector all observe it, and only the one that serves the poll (see the view's PollHost)
 * changes it. It holds no server and touches no Node, so it is tested without a toolkit.
 */
public final class PollSlot {
    private final ReadOnlyObjectWrapper<OpenPoll> open = new ReadOnlyObjectWrapper<>(this, "open");

    public ReadOnlyObjectProperty<OpenPoll> openProperty() {
        return open.getReadOnlyProperty();
    }

    /** The open poll, or null. */
    public OpenPoll get() {
        return open.get();
    }

    public boolean isOpen() {
        return open.get() != null;
    }

    /** Opens a poll, or puts another in its place (the same question served on another network). */
    public void show(OpenPoll poll) {
        open.set(java.util.Objects.requireNonNull(poll, "poll"));
    }

    /** No poll is open any more: every window shows the lesson again. */
    public void clear() {
        open.set(null);
    }
}
