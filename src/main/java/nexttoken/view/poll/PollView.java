package nexttoken.view.poll;

import java.util.List;
import javafx.scene.layout.BorderPane;
import nexttoken.poll.PollAddresses;
import nexttoken.poll.PollModel;
import nexttoken.presenter.OpenPoll;
import nexttoken.presenter.Presenter;

/**
 * "Ask the class" in the main window: the class's {@link PollBoard} (the prompt, the QR code and
 * the address, the count, and after Reveal the class beside the model) above the teacher's
 * {@link PollControls} (the network, Reveal, Close). The poll itself is the session's, served by
 * the {@link PollHost}: a projector window shows the same one.
 */
public final class PollView extends BorderPane {
    private final Presenter presenter;
    private final PollHost host;
    private final PollBoard board;
    private final PollControls controls;

    public PollView(Presenter presenter, PollHost host) {
        this.presenter = presenter;
        this.host = host;
        getStyleClass().add("poll-view");
        setId("poll-view");
        board = new PollBoard(presenter);
        controls = new PollControls(presenter, host, board);
        setCenter(board);
        setBottom(controls);
    }

    /** Ends voting and shows the class beside the model. */
    public void reveal() {
        host.reveal();
    }

    /** Stops the server and hands the window back to the lesson. */
    public void close() {
        host.close();
    }

    public boolean isServing() {
        return host.isServing();
    }

    /** The votes being served, or null. */
    public PollModel poll() {
        OpenPoll open = presenter.session().poll().get();
        return open == null ? null : open.votes();
    }

    public String link() {
        OpenPoll open = presenter.session().poll().get();
        return open == null ? null : open.link();
    }

    public PollBoard board() {
        return board;
    }

    public PollRevealChart chart() {
        return board.chart();
    }

    /** The count as the projector shows it: what a benchmark watches for the new number. */
    public javafx.beans.value.ObservableValue<String> countTextProperty() {
        return board.countTextProperty();
    }

    public String countText() {
        return board.countText();
    }

    public String addressText() {
        return board.addressText();
    }

    public String problemText() {
        return board.problemText();
    }

    public List<PollAddresses.Offer> offeredNetworks() {
        return controls.offeredNetworks();
    }
}
