package nexttoken.view;

import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import nexttoken.model.Trace;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;

/** The sentence so far, the window f1 reads outlined, and the next token once it is chosen. */
public final class SentenceStrip extends FlowPane {
    private final Presenter presenter;
    private final Texts texts;
    private final InvalidationListener onChange = o -> refresh();

    public SentenceStrip(Presenter presenter) {
        super(8, 6);
        this.presenter = presenter;
        this.texts = new Texts(presenter);
        getStyleClass().add("sentence-strip");
        setAlignment(Pos.CENTER_LEFT);
        presenter.revisionProperty().addListener(new WeakInvalidationListener(onChange));
        refresh();
    }

    /** What the strip reads, for tests: the words, and the next token or "?". */
    public String sentenceText() {
        StringBuilder out = new StringBuilder();
        getChildren().forEach(n -> {
            if (n instanceof Label l && l.getStyleClass().contains("word")) {
                out.append(out.isEmpty() ? "" : " ").append(l.getText());
            }
        });
        return out.toString();
    }

    /*
     * The height the strip took for these words at this width. A long next token moves to a second
     * line; without this the strip went back to one line for the next short one, and the whole
     * window below it jumped 40 pixels up and down while a student dragged a slider (cl100k at
     * 1024×768, a fifth of the moves), each jump a repaint of the whole window.
     */
    private double keptHeight;
    private double keptAtWidth = -1;

    @Override
    protected double computePrefHeight(double width) {
        double needed = super.computePrefHeight(width);
        return width == keptAtWidth ? Math.max(needed, keptHeight) : needed;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        double needed = super.computePrefHeight(getWidth());
        if (getWidth() != keptAtWidth) {
            keptAtWidth = getWidth();
            keptHeight = needed;
        } else {
            keptHeight = Math.max(keptHeight, needed);
        }
    }

    private final RedrawKey wordsDrawn = new RedrawKey();
    private final RedrawKey nextDrawn = new RedrawKey();
    private final Label next = new Label();

    /**
     * The words are rebuilt only when the sentence, its window or the language changed; the
     * next token, which a slider move can change, is one label changed in place.
     */
    private void refresh() {
        Trace t = presenter.getTrace();
        List<String> text = presenter.getText();
        int windowStart = t.context() == null ? text.size() : t.context().windowStart();
        if (wordsDrawn.changed(text, windowStart, texts.locale(), presenter.getTheme(),
                RedrawKey.same(presenter.getLesson().vocabulary()))) {
            getChildren().clear();
            keptHeight = 0;
            Label caption = new Label(texts.get("view.sentence.label"));
            caption.getStyleClass().add("sentence-caption");
            getChildren().add(caption);
            for (int i = 0; i < text.size(); i++) {
                Label word = new Label(text.get(i));
                word.getStyleClass().add("word");
                if (i >= windowStart) {
                    word.getStyleClass().add("word-in-window");
                    presenter.getLesson().vocabulary().indexOf(text.get(i))
                            .ifPresent(index -> word.setStyle("-fx-border-color: " + TokenColors.css(index, presenter.getTheme()) + ";"));
                }
                getChildren().add(word);
            }
            getChildren().add(next);
            nextDrawn.forget();
        }
        int chosen = presenter.getSampledIndex();
        boolean appended = presenter.getStep() == Step.APPEND && chosen >= 0;
        if (nextDrawn.changed(chosen, appended, presenter.getTheme())) {
            next.setText(chosen >= 0 ? presenter.getLesson().vocabulary().token(chosen) : "?");
            List<String> classes = new java.util.ArrayList<>(List.of("label", "word", chosen >= 0 ? "word-next" : "word-unknown"));
            if (appended) {
                classes.add("word-appended");
            }
            if (!next.getStyleClass().equals(classes)) {
                next.getStyleClass().setAll(classes);
            }
            // A Background, not an inline style: a new style string sends the label back through CSS on every move.
            next.setBackground(chosen >= 0 ? new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(
                    TokenColors.of(chosen, presenter.getTheme()), new javafx.scene.layout.CornerRadii(6), javafx.geometry.Insets.EMPTY))
                    : null);
        }
    }
}
