package nexttoken.view.poll;

import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import nexttoken.poll.PollAddresses;
import nexttoken.presenter.Presenter;
import nexttoken.view.Texts;

/**
 * The teacher's side of the open poll — the network it is served on, Reveal and Close — under
 * the main window's poll and in the presenter window; the class's side is a {@link PollBoard}.
 */
public final class PollControls extends HBox {
    private final PollHost host;
    private final PollBoard board;
    private final Texts texts;
    private final ComboBox<PollAddresses.Offer> network = new ComboBox<>();
    private final Label networkLabel = new Label();
    private final Button reveal = new Button();
    private final Button close = new Button();
    private boolean changingNetwork;
    private final InvalidationListener onChange = o -> refresh();

    /** @param board the board beside these controls: Reveal is spent once it shows the split */
    public PollControls(Presenter presenter, PollHost host, PollBoard board) {
        super(10);
        this.host = host;
        this.board = board;
        this.texts = new Texts(presenter);
        reveal.setId("poll-reveal");
        reveal.setTooltip(new Tooltip());
        close.setId("poll-close");
        reveal.setOnAction(e -> host.reveal());
        close.setOnAction(e -> host.close());
        network.setId("poll-network");
        network.setCellFactory(l -> new OfferCell());
        network.setButtonCell(new OfferCell());
        network.valueProperty().addListener((o, was, is) -> {
            if (!changingNetwork && is != null && !is.equals(was)) {
                host.serveOn(is);
            }
        });
        for (Region r : List.of(reveal, close, networkLabel)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
            r.setFocusTraversable(false);
        }
        network.setFocusTraversable(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(networkLabel, network, spacer, reveal, close);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("poll-buttons");
        // Weak: the board and the session outlive a closed presenter window's controls.
        board.splitShownProperty().addListener(new WeakInvalidationListener(onChange));
        presenter.session().poll().openProperty().addListener(new WeakInvalidationListener(onChange));
        presenter.revisionProperty().addListener(new WeakInvalidationListener(onChange));
        refresh();
    }

    public List<PollAddresses.Offer> offeredNetworks() {
        return List.copyOf(network.getItems());
    }

    private void refresh() {
        networkLabel.setText(texts.get("poll.interface"));
        reveal.setText(texts.get("poll.reveal"));
        reveal.getTooltip().setText(texts.get("poll.reveal.tooltip"));
        close.setText(texts.get("poll.close"));
        changingNetwork = true;
        try {
            if (!network.getItems().equals(host.offered())) {
                network.getItems().setAll(host.offered());
            }
            network.setValue(host.servedOn());
        } finally {
            changingNetwork = false;
        }
        reveal.setDisable(!host.isServing() || board.showsTheSplit());
    }

    private static final class OfferCell extends ListCell<PollAddresses.Offer> {
        @Override
        protected void updateItem(PollAddresses.Offer item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? "" : item.text());
        }
    }
}
