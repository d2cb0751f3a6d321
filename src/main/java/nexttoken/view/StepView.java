package nexttoken.view;

import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;

/**
 * A titled panel that draws the value of one or more steps. Before its first step is
 * reached it shows "not yet", so the class can be asked what comes next; while one of
 * its steps is current it is outlined so the room knows where to look.
 */
public abstract class StepView extends VBox {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    protected final Presenter presenter;
    protected final Texts texts;
    private final List<Step> steps;
    private final Label title = new Label();
    private final Label caption = new Label();
    private final Label notYet = new Label();
    private final StackPane body = new StackPane();
    private final javafx.scene.control.Button exportButton = new javafx.scene.control.Button();
    private final javafx.scene.control.ContextMenu contextMenu = new javafx.scene.control.ContextMenu();
    private java.util.function.Consumer<StepView> onExport = v -> { };
    // Held in a field: the presenter only keeps a weak reference, so a view that is dropped can be collected.
    private final InvalidationListener onChange = o -> refresh();

    protected StepView(Presenter presenter, List<Step> steps, String styleClass) {
        this.presenter = presenter;
        this.texts = new Texts(presenter);
        this.steps = List.copyOf(steps);
        getStyleClass().addAll("step-view", styleClass);
        title.getStyleClass().add("step-title");
        caption.getStyleClass().add("step-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        notYet.getStyleClass().add("not-yet");
        notYet.setWrapText(true);
        notYet.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        exportButton.getStyleClass().add("export-button");
        exportButton.setFocusTraversable(false);
        exportButton.setOnAction(e -> onExport.accept(this));
        // The button floats over the header's right end and shows on hover: the title keeps its
        // whole width, and the class does not read "PNG" on every panel.
        StackPane header = new StackPane(title, exportButton);
        StackPane.setAlignment(title, Pos.CENTER_LEFT);
        StackPane.setAlignment(exportButton, Pos.CENTER_RIGHT);
        title.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.control.MenuItem exportItem = new javafx.scene.control.MenuItem();
        exportItem.setOnAction(e -> onExport.accept(this));
        contextMenu.getItems().add(exportItem);
        setOnContextMenuRequested(e -> {
            exportItem.setText(texts.get("export.view"));
            contextMenu.show(this, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        getChildren().addAll(header, caption, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        body.setMinHeight(0);
        presenter.revisionProperty().addListener(new WeakInvalidationListener(onChange));
    }

    /** Called once by the subclass after it built its content. */
    protected final void setContent(Node content) {
        body.getChildren().setAll(content, notYet);
        refresh();
    }

    /** The step whose values this view shows first; the view is hidden behind "not yet" until then. */
    protected Step firstStep() {
        List<Step> path = presenter.path();
        return steps.stream().filter(path::contains).findFirst().orElse(steps.get(0));
    }

    public final void refresh() {
        boolean revealed = presenter.isRevealed(firstStep());
        boolean current = steps.contains(presenter.getStep());
        pseudoClassStateChanged(CURRENT, current);
        title.setText(titleText());
        caption.setText(captionText());
        // Only the current step explains itself: the room reads one caption, and the others keep their space for values.
        caption.setVisible(current);
        caption.setManaged(current);
        notYet.setText(texts.get("view.not_yet"));
        exportButton.setText(texts.get("export.button"));
        notYet.setVisible(!revealed);
        body.getChildren().get(0).setVisible(revealed);
        if (revealed) {
            update();
        }
    }

    /** What the export button and the context menu do; the window decides where the file goes. */
    public void setOnExport(java.util.function.Consumer<StepView> action) {
        onExport = action;
    }

    /** The view's part of an exported file name: "part3-logits.png". */
    public abstract String exportName();

    /** The caption line of an exported PNG: the view, the lesson, its settings. */
    public String exportCaption() {
        return titleText() + " — " + texts.settingsLine(presenter.getLesson(), presenter.getText());
    }

    /**
     * What a printed handout pictures of this view, laid out as on screen: the whole view, unless a
     * part of it reads better on paper (the rest then being in the handout's text).
     */
    public javafx.scene.Node handoutFigure() {
        return this;
    }

    /** The steps whose values this view draws, in the order they come. */
    public List<Step> steps() {
        return steps;
    }

    /** Whether the view shows values now (its step reached, or everything revealed). */
    public boolean isRevealed() {
        return presenter.isRevealed(firstStep());
    }

    public String titleText() {
        return texts.get(titleKey());
    }

    protected abstract String titleKey();

    protected String captionText() {
        return texts.get(titleKey().replace(".title", ".caption"));
    }

    /** Redraws the content from the presenter; called only when the view's step is revealed. */
    protected abstract void update();
}
