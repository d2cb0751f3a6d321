package nexttoken.view.poll;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import nexttoken.model.Trace;
import nexttoken.poll.ClassPoll;
import nexttoken.poll.Comparison;
import nexttoken.poll.ModelSide;
import nexttoken.poll.PollAddresses;
import nexttoken.poll.PollModel;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Theme;
import nexttoken.settings.UserSettings;
import nexttoken.view.Texts;
import nexttoken.view.TokenColors;

/**
 * "Ask the class" on the projector: the prompt, a large QR code and the address to type, the
 * number of votes (never the split, so nobody copies), the network to serve on and what to do
 * when phones cannot connect. Reveal ends voting and sets the class's shares beside the model's
 * probabilities; the model's side follows the presenter, so a temperature drag moves its bars.
 * Close stops the server.
 */
public final class PollView extends BorderPane {
    /** At most this many pairs of bars: beyond it a pair is too narrow to read from the back. */
    static final int MAX_PAIRS = 8;

    private final Presenter presenter;
    private final UserSettings settings;
    private final Supplier<List<PollAddresses.Offer>> offers;
    private final Runnable onClosed;
    private final Texts texts;

    private final Label title = new Label();
    private final Label prompt = new Label();
    private final ImageView qr = new ImageView();
    private final Label scan = new Label();
    private final Label address = new Label();
    private final Label count = new Label();
    private final Label help = new Label();
    private final Label problem = new Label();
    private final ComboBox<PollAddresses.Offer> network = new ComboBox<>();
    private final Label networkLabel = new Label();
    private final Button reveal = new Button();
    private final Button close = new Button();
    private final Label revealTitle = new Label();
    private final Label legendClass = new Label();
    private final Label legendModel = new Label();
    private final PollRevealChart chart = new PollRevealChart();
    private final Label modelProblem = new Label();
    private final VBox waiting;
    private final VBox revealed;

    private ClassPoll poll;
    private Trace askedAbout;
    private boolean changingNetwork;
    private final AtomicBoolean countPending = new AtomicBoolean();
    private final Runnable onVote = this::countChangedElsewhere;
    private final InvalidationListener onPresenter = o -> presenterChanged();

    public PollView(Presenter presenter, UserSettings settings, Supplier<List<PollAddresses.Offer>> offers,
                    Runnable onClosed) {
        this.presenter = presenter;
        this.settings = settings;
        this.offers = offers;
        this.onClosed = onClosed;
        this.texts = new Texts(presenter);
        getStyleClass().add("poll-view");
        setId("poll-view");
        title.getStyleClass().add("poll-title");
        prompt.getStyleClass().add("poll-prompt");
        prompt.setWrapText(true);
        scan.getStyleClass().add("poll-scan");
        scan.setWrapText(true);
        address.getStyleClass().add("poll-address");
        address.setId("poll-address");
        count.getStyleClass().add("poll-count");
        count.setId("poll-count");
        help.getStyleClass().add("poll-help");
        help.setWrapText(true);
        help.setMinHeight(Region.USE_PREF_SIZE);
        problem.getStyleClass().add("undefined-explanation");
        problem.setWrapText(true);
        problem.setId("poll-problem");
        modelProblem.getStyleClass().add("undefined-explanation");
        modelProblem.setWrapText(true);
        revealTitle.getStyleClass().add("poll-scan");
        revealTitle.setWrapText(true);
        // The legend's swatches are drawn as the bars are (solid; pale with an outline): the pair reads without colour.
        javafx.scene.shape.Rectangle solid = new javafx.scene.shape.Rectangle(22, 22, javafx.scene.paint.Color.web("#555555"));
        javafx.scene.shape.Rectangle pale = new javafx.scene.shape.Rectangle(20, 20, javafx.scene.paint.Color.web("#555555", 0.28));
        pale.setStroke(javafx.scene.paint.Color.web("#555555"));
        pale.setStrokeWidth(2);
        legendClass.setGraphic(solid);
        legendModel.setGraphic(pale);
        legendClass.getStyleClass().add("poll-legend");
        legendModel.getStyleClass().add("poll-legend");
        qr.setSmooth(false);
        qr.setPreserveRatio(true);
        reveal.setId("poll-reveal");
        reveal.setTooltip(new javafx.scene.control.Tooltip());
        close.setId("poll-close");
        reveal.setOnAction(e -> reveal());
        close.setOnAction(e -> close());
        network.setId("poll-network");
        network.setCellFactory(l -> new OfferCell());
        network.setButtonCell(new OfferCell());
        network.valueProperty().addListener((o, was, is) -> {
            if (!changingNetwork && is != null && !is.equals(was)) {
                serveOn(is);
            }
        });
        for (Region r : List.of(reveal, close, networkLabel)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
            r.setFocusTraversable(false);
        }
        network.setFocusTraversable(false);

        VBox side = new VBox(14, scan, address, count, problem, help);
        side.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(side, Priority.ALWAYS);
        StackPane code = new StackPane(qr);
        code.getStyleClass().add("poll-qr");
        HBox scanRow = new HBox(28, code, side);
        scanRow.setAlignment(Pos.CENTER_LEFT);
        waiting = new VBox(scanRow);
        VBox.setVgrow(scanRow, Priority.ALWAYS);
        VBox.setVgrow(chart, Priority.ALWAYS);
        HBox legend = new HBox(24, legendClass, legendModel);
        revealed = new VBox(8, revealTitle, legend, chart, modelProblem);

        VBox top = new VBox(4, title, prompt);
        setTop(top);
        setCenter(waiting);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bottom = new HBox(10, networkLabel, network, spacer, reveal, close);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.getStyleClass().add("poll-buttons");
        setBottom(bottom);
        presenter.revisionProperty().addListener(new WeakInvalidationListener(onPresenter));
        // The QR code takes what height the window leaves, up to a square of the side's width.
        heightProperty().addListener(o -> sizeCode());
        widthProperty().addListener(o -> sizeCode());
    }

    /** Opens a poll for the presenter's current context on the remembered network (or the first). */
    public void open() {
        askedAbout = presenter.getTrace();
        List<PollAddresses.Offer> available = offers.get();
        changingNetwork = true;
        try {
            network.getItems().setAll(available);
            PollAddresses.Offer chosen = PollAddresses.preferred(available, settings.pollAddress()).orElse(null);
            network.setValue(chosen);
        } finally {
            changingNetwork = false;
        }
        if (network.getValue() == null) {
            refresh();
            return;
        }
        serveOn(network.getValue());
    }

    /** Serves a new poll on another address: the old address stops answering at once. */
    private void serveOn(PollAddresses.Offer offer) {
        stopServer();
        problem.setText("");
        try {
            poll = ClassPoll.start(askedAbout, TokenColors.cssPalette(Theme.LIGHT), phoneLanguage(), offer.address(), 0);
            poll.poll().addListener(onVote);
            settings.setPollAddress(offer.address().getHostAddress());
            String link = poll.address();
            qr.setImage(QrImage.of(link, 8));
            sizeCode();
        } catch (IOException | RuntimeException e) {
            poll = null;
            qr.setImage(null);
            problem.setText("⚠ " + texts.format("poll.notStarted", e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        }
        refresh();
    }

    private Locale phoneLanguage() {
        String lessonLanguage = askedAbout.lesson().language();
        return lessonLanguage != null ? Locale.forLanguageTag(lessonLanguage) : presenter.getLanguage();
    }

    /** Ends voting and shows the class beside the model. */
    public void reveal() {
        if (poll == null) {
            return;
        }
        poll.poll().reveal();
        setCenter(revealed);
        refresh();
    }

    /** Stops the server and hands the window back. */
    public void close() {
        stopServer();
        onClosed.run();
    }

    private void stopServer() {
        countAtPulse.stop();
        countPending.set(false);
        if (poll != null) {
            poll.poll().removeListener(onVote);
            poll.server().close();
            poll = null;
        }
    }

    public boolean isServing() {
        return poll != null;
    }

    /** The poll being served, or null. */
    public PollModel poll() {
        return poll == null ? null : poll.poll();
    }

    public String link() {
        return poll == null ? null : poll.address();
    }

    public PollRevealChart chart() {
        return chart;
    }

    /** The count as the projector shows it: what a benchmark watches for the new number. */
    public javafx.beans.value.ObservableValue<String> countTextProperty() {
        return count.textProperty();
    }

    public String countText() {
        return count.getText();
    }

    public String addressText() {
        return address.getText();
    }

    public String problemText() {
        return problem.getText();
    }

    public List<PollAddresses.Offer> offeredNetworks() {
        return List.copyOf(network.getItems());
    }

    /**
     * Votes arrive on the server's threads. A task posted per vote ran as soon as the FX thread
     * was free, many times within one frame while 300 phones voted; this timer runs at the start
     * of the next pulse instead, takes in every vote counted by then in one label change, and stops,
     * so the FX thread does at most one small update a frame and requests no frames when no one votes.
     */
    private final javafx.animation.AnimationTimer countAtPulse = new javafx.animation.AnimationTimer() {
        @Override
        public void handle(long now) {
            stop();
            // Cleared before the count is read: a vote counted after this schedules the next pulse's update.
            countPending.set(false);
            refreshCount();
        }
    };

    private void countChangedElsewhere() {
        if (countPending.compareAndSet(false, true)) {
            Platform.runLater(countAtPulse::start);
        }
    }

    private void presenterChanged() {
        if (poll != null && !presenter.getLesson().vocabulary().equals(askedAbout.lesson().vocabulary())) {
            // Another lesson (or an edited vocabulary): the class voted on tokens that are no longer there.
            close();
            return;
        }
        refresh();
    }

    private void refreshCount() {
        int votes = poll == null ? 0 : poll.poll().votes();
        count.setText(votes == 1 ? texts.get("poll.count.one") : texts.format("poll.count.many", texts.count(votes)));
        if (poll != null && poll.poll().isRevealed()) {
            refreshChart();
        }
    }

    private void refresh() {
        title.setText(texts.get("poll.title"));
        prompt.setText(String.join(" ", askedAbout == null ? presenter.getText() : askedAbout.context().text()) + " …?");
        scan.setText(texts.get("poll.scan"));
        help.setText(texts.get("poll.help"));
        networkLabel.setText(texts.get("poll.interface"));
        reveal.setText(texts.get("poll.reveal"));
        reveal.getTooltip().setText(texts.get("poll.reveal.tooltip"));
        close.setText(texts.get("poll.close"));
        legendClass.setText(texts.get("poll.legend.class"));
        legendModel.setText(texts.get("poll.legend.model"));
        boolean noNetwork = network.getItems().isEmpty();
        if (noNetwork) {
            problem.setText("⚠ " + texts.get("poll.noInterface"));
        }
        problem.setVisible(!problem.getText().isEmpty());
        problem.setManaged(problem.isVisible());
        address.setText(poll == null ? "" : poll.address().substring("http://".length()));
        reveal.setDisable(poll == null || poll.poll().isRevealed());
        refreshCount();
    }

    private void refreshChart() {
        PollModel.Tally tally = poll.poll().tally();
        Trace now = presenter.getTrace();
        if (!now.context().text().equals(askedAbout.context().text())) {
            // The teacher stepped on to the next token: the class answered the question asked, so that one stays.
            now = askedAbout;
        }
        Comparison comparison = Comparison.of(tally, askedAbout.lesson().vocabulary(), ModelSide.of(now), MAX_PAIRS);
        chart.setData(comparison, presenter.getTheme(), texts::percent);
        revealTitle.setText(texts.format("poll.revealed", count.getText()));
        boolean undefined = comparison.modelProblem() != null;
        modelProblem.setText(undefined ? "⚠ " + texts.format("poll.model.undefined",
                comparison.modelProblem().message(texts.locale())) : "");
        modelProblem.setVisible(undefined);
        modelProblem.setManaged(undefined);
    }

    private void sizeCode() {
        if (qr.getImage() == null) {
            return;
        }
        double room = Math.min(getHeight() - 190, getWidth() * 0.48);
        double modules = qr.getImage().getWidth() / 8;
        // Whole pixels per module: a blurred module is one a camera can misread.
        double side = Math.max(modules, Math.floor(Math.max(0, room) / modules) * modules);
        qr.setFitWidth(side);
        qr.setFitHeight(side);
    }

    private static final class OfferCell extends ListCell<PollAddresses.Offer> {
        @Override
        protected void updateItem(PollAddresses.Offer item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? "" : item.text());
        }
    }
}
