package nexttoken.view.poll;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import nexttoken.model.Trace;
import nexttoken.poll.Comparison;
import nexttoken.poll.ModelSide;
import nexttoken.poll.PollModel;
import nexttoken.presenter.OpenPoll;
import nexttoken.presenter.Presenter;
import nexttoken.view.Texts;

/**
 * What the class sees of the session's open poll, and nothing it could press: the prompt, a large
 * QR code and the address to type, the number of votes (never the split, so nobody copies), what
 * to try when phones cannot connect, and after Reveal the class's shares beside the model's
 * probabilities at its presenter's settings, so a temperature drag moves the model's bars. The main
 * window's poll, the projector and the presenter window's picture of it are each one of these.
 */
public final class PollBoard extends BorderPane {
    /** At most this many pairs of bars: beyond it a pair is too narrow to read from the back. */
    static final int MAX_PAIRS = 8;

    private final Presenter presenter;
    private final Texts texts;

    private final Label title = new Label();
    private final Label prompt = new Label();
    private final ImageView qr = new ImageView();
    private final Label scan = new Label();
    private final Label address = new Label();
    private final Label count = new Label();
    private final Label help = new Label();
    private final Label problem = new Label();
    private final Label revealTitle = new Label();
    private final Label legendClass = new Label();
    private final Label legendModel = new Label();
    private final PollRevealChart chart = new PollRevealChart();
    private final Label modelProblem = new Label();
    private final VBox waiting;
    private final VBox revealed;

    private final javafx.beans.property.ReadOnlyBooleanWrapper splitShown =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "splitShown");
    private OpenPoll shown;
    private String codeFor;
    private VoteWatch watch;
    private final AtomicBoolean countPending = new AtomicBoolean();
    // Held in fields: the session and the presenter keep only weak references, so a closed window's board is collected.
    private final InvalidationListener onSlot = o -> showPoll();
    private final InvalidationListener onPresenter = o -> refresh();

    public PollBoard(Presenter presenter) {
        this.presenter = presenter;
        this.texts = new Texts(presenter);
        getStyleClass().add("poll-board");
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
        Rectangle solid = new Rectangle(22, 22, Color.web("#555555"));
        Rectangle pale = new Rectangle(20, 20, Color.web("#555555", 0.28));
        pale.setStroke(Color.web("#555555"));
        pale.setStrokeWidth(2);
        legendClass.setGraphic(solid);
        legendModel.setGraphic(pale);
        legendClass.getStyleClass().add("poll-legend");
        legendModel.getStyleClass().add("poll-legend");
        qr.setSmooth(false);
        qr.setPreserveRatio(true);

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
        setTop(new VBox(4, title, prompt));
        setCenter(waiting);

        presenter.session().poll().openProperty().addListener(new WeakInvalidationListener(onSlot));
        presenter.revisionProperty().addListener(new WeakInvalidationListener(onPresenter));
        // The QR code takes what height the board leaves, up to a square of the side's width.
        heightProperty().addListener(o -> sizeCode());
        widthProperty().addListener(o -> sizeCode());
        showPoll();
    }

    /** The poll shown: the session's open one, or null when the lesson is back. */
    public OpenPoll shown() {
        return shown;
    }

    public PollRevealChart chart() {
        return chart;
    }

    /** The count as the class sees it: what a benchmark watches for the new number. */
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

    /** The code's picture, null while nothing is served. */
    public javafx.scene.image.Image code() {
        return qr.getImage();
    }

    /** Whether the class's shares are on the board (only after Reveal). */
    public javafx.beans.property.ReadOnlyBooleanProperty splitShownProperty() {
        return splitShown.getReadOnlyProperty();
    }

    public boolean showsTheSplit() {
        return splitShown.get();
    }

    private void showPoll() {
        OpenPoll open = presenter.session().poll().get();
        if (open == shown) {
            return;
        }
        if (watch != null) {
            watch.stop();
            watch = null;
        }
        shown = open;
        countAtPulse.stop();
        countPending.set(false);
        if (open != null && open.isServed()) {
            watch = new VoteWatch(this, open.votes());
        }
        String link = open == null ? null : open.link();
        if (link == null) {
            qr.setImage(null);
        } else if (!link.equals(codeFor)) {
            qr.setImage(QrImage.of(link, 8));
        }
        codeFor = link;
        sizeCode();
        refresh();
    }

    /**
     * Votes arrive on the server's threads. A task posted per vote ran as soon as the FX thread
     * was free, many times within one frame while 300 phones voted; this timer runs at the start
     * of the next pulse instead, takes in every vote counted by then in one label change, and stops,
     * so the FX thread does at most one small update a frame and requests no frames when no one votes.
     */
    private final AnimationTimer countAtPulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            stop();
            // Cleared before the count is read: a vote counted after this schedules the next pulse's update.
            countPending.set(false);
            refreshCount();
        }
    };

    private void votesChanged() {
        if (Platform.isFxApplicationThread()) {
            // The reveal (or a close) from the teacher's own key: shown in the same event, not a frame later.
            refreshCount();
        } else if (countPending.compareAndSet(false, true)) {
            Platform.runLater(countAtPulse::start);
        }
    }

    private void refresh() {
        if (shown == null && !isVisible()) {
            // A projector's board waits hidden under every slider drag: nothing to draw until a poll opens.
            return;
        }
        title.setText(texts.get("poll.title"));
        prompt.setText(String.join(" ", shown == null ? presenter.getText() : shown.askedAbout().context().text()) + " …?");
        scan.setText(texts.get("poll.scan"));
        help.setText(texts.get("poll.help"));
        legendClass.setText(texts.get("poll.legend.class"));
        legendModel.setText(texts.get("poll.legend.model"));
        String trouble = shown == null || shown.isServed() ? ""
                : shown.hasNoNetwork() ? "⚠ " + texts.get("poll.noInterface")
                : "⚠ " + texts.format("poll.notStarted", shown.notStartedBecause());
        problem.setText(trouble);
        problem.setVisible(!trouble.isEmpty());
        problem.setManaged(problem.isVisible());
        address.setText(shown == null || shown.link() == null ? "" : shown.link().substring("http://".length()));
        refreshCount();
    }

    private void refreshCount() {
        PollModel votes = shown == null ? null : shown.votes();
        int n = votes == null ? 0 : votes.votes();
        count.setText(n == 1 ? texts.get("poll.count.one") : texts.format("poll.count.many", texts.count(n)));
        boolean split = votes != null && votes.isRevealed();
        if (split) {
            refreshChart(votes);
        }
        Region center = split ? revealed : waiting;
        if (getCenter() != center) {
            setCenter(center);
        }
        splitShown.set(split);
    }

    private void refreshChart(PollModel votes) {
        Trace askedAbout = shown.askedAbout();
        Trace now = presenter.getTrace();
        if (!now.context().text().equals(askedAbout.context().text())) {
            // The teacher stepped on to the next token: the class answered the question asked, so that one stays.
            now = askedAbout;
        }
        Comparison comparison = Comparison.of(votes.tally(), askedAbout.lesson().vocabulary(), ModelSide.of(now), MAX_PAIRS);
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
        double room = Math.min(getHeight() - 150, getWidth() * 0.48);
        double modules = qr.getImage().getWidth() / 8;
        // Whole pixels per module: a blurred module is one a camera can misread.
        double side = Math.max(modules, Math.floor(Math.max(0, room) / modules) * modules);
        qr.setFitWidth(side);
        qr.setFitHeight(side);
    }

    /**
     * The board's ear on the votes. The poll outlives a window closed while it runs, so the poll
     * holds this, not the board: a closed projector's board is collected, its watch does nothing.
     */
    private static final class VoteWatch implements Runnable {
        private final WeakReference<PollBoard> board;
        private final PollModel votes;

        VoteWatch(PollBoard board, PollModel votes) {
            this.board = new WeakReference<>(board);
            this.votes = votes;
            votes.addListener(this);
        }

        @Override
        public void run() {
            PollBoard b = board.get();
            if (b == null) {
                votes.removeListener(this);
            } else {
                b.votesChanged();
            }
        }

        void stop() {
            votes.removeListener(this);
        }
    }
}
