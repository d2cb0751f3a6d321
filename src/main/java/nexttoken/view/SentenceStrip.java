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

    private final RedrawKey drawn = new RedrawKey();

    /** Rebuilt only when the sentence, its window or the chosen token changed. */
    private void refresh() {
        Trace current = presenter.getTrace();
        if (!drawn.changed(presenter.getText(), current.context() == null ? -1 : current.context().windowStart(),
                presenter.getSampledIndex(), presenter.getStep() == Step.APPEND, texts.locale(), presenter.getTheme(),
                System.identityHashCode(presenter.getLesson().vocabulary()))) {
            return;
        }
        getChildren().clear();
        Label caption = new Label(texts.get("view.sentence.label"));
        caption.getStyleClass().add("sentence-caption");
        getChildren().add(caption);
        List<String> text = presenter.getText();
        Trace t = presenter.getTrace();
        int windowStart = t.context() == null ? text.size() : t.context().windowStart();
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
        int chosen = presenter.getSampledIndex();
        Label next = new Label(chosen >= 0 ? presenter.getLesson().vocabulary().token(chosen) : "?");
        next.getStyleClass().addAll("word", chosen >= 0 ? "word-next" : "word-unknown");
        if (chosen >= 0) {
            next.setStyle("-fx-background-color: " + TokenColors.css(chosen, presenter.getTheme()) + ";");
        }
        if (presenter.getStep() == Step.APPEND && chosen >= 0) {
            next.getStyleClass().add("word-appended");
        }
        getChildren().add(next);
    }
}
