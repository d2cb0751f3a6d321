package nexttoken.view;

import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import nexttoken.model.Vocabulary;
import nexttoken.presenter.Presenter;
import nexttoken.tokenizer.RealTokenizer;

/**
 * Any sentence cut by a real tokenizer, next to the lesson's toy ids: "el cielo es" is not
 * three tokens 578, 350, 698 in a real model.
 */
public final class TokenizerView extends VBox {
    private final Presenter presenter;
    private final Texts texts;
    private final Label title = new Label();
    private final Label caption = new Label();
    private final TextField sentence = new TextField();
    private final Label toyTitle = new Label();
    private final FlowPane toy = new FlowPane(8, 8);
    private final Label cl100kTitle = new Label();
    private final FlowPane cl100k = new FlowPane(8, 8);
    private final Label o200kTitle = new Label();
    private final FlowPane o200k = new FlowPane(8, 8);
    private final InvalidationListener onChange = o -> refresh();

    public TokenizerView(Presenter presenter) {
        this.presenter = presenter;
        this.texts = new Texts(presenter);
        getStyleClass().add("tokenizer-view");
        setSpacing(10);
        title.getStyleClass().add("step-title");
        caption.getStyleClass().add("step-caption");
        caption.setWrapText(true);
        sentence.setId("tokenizer-sentence");
        sentence.getStyleClass().add("tokenizer-sentence");
        sentence.setText(String.join(" ", presenter.getLesson().prompt()));
        sentence.textProperty().addListener(o -> refresh());
        toy.setId("toy-pieces");
        cl100k.setId("cl100k-pieces");
        o200k.setId("o200k-pieces");
        for (Label l : List.of(toyTitle, cl100kTitle, o200kTitle)) {
            l.getStyleClass().add("controls-section");
        }
        VBox content = new VBox(10, title, caption, sentence, toyTitle, toy, cl100kTitle, cl100k, o200kTitle, o200k);
        ScrollPane scroll = Scrolling.fittedToWidth(content);
        javafx.scene.layout.VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        getChildren().add(scroll);
        presenter.revisionProperty().addListener(new WeakInvalidationListener(onChange));
        refresh();
    }

    public void setSentence(String text) {
        sentence.setText(text);
    }

    /** The pieces a row shows, as "text id" pairs, for tests. */
    public List<String> pieces(String row) {
        FlowPane pane = switch (row) {
            case "toy" -> toy;
            case "cl100k" -> cl100k;
            default -> o200k;
        };
        return pane.getChildren().stream().map(n -> ((Label) n).getText().replace('\n', ' ')).toList();
    }

    private void refresh() {
        title.setText(texts.get("tokenizer.title"));
        caption.setText(texts.get("tokenizer.caption"));
        String text = sentence.getText();
        Vocabulary v = presenter.getLesson().vocabulary();
        toyTitle.setText(texts.format("tokenizer.toy", presenter.getLesson().title() == null ? "" : presenter.getLesson().title()));
        toy.getChildren().clear();
        for (String word : text.trim().isEmpty() ? new String[0] : text.trim().split("\\s+")) {
            var index = v.indexOf(word);
            Label chip = chip(word, index.isPresent() ? Integer.toString(v.id(index.getAsInt())) : "—");
            index.ifPresent(i -> chip.setStyle("-fx-border-color: " + TokenColors.css(i, presenter.getTheme()) + ";"));
            toy.getChildren().add(chip);
        }
        fill(cl100k, cl100kTitle, text, RealTokenizer.Kind.CL100K);
        fill(o200k, o200kTitle, text, RealTokenizer.Kind.O200K);
    }

    private void fill(FlowPane pane, Label heading, String text, RealTokenizer.Kind kind) {
        List<RealTokenizer.Piece> pieces = RealTokenizer.encode(text, kind);
        heading.setText(texts.format("tokenizer.real", kind.label(), pieces.size()));
        pane.getChildren().clear();
        for (RealTokenizer.Piece p : pieces) {
            pane.getChildren().add(chip(p.text(), Integer.toString(p.id())));
        }
    }

    private static Label chip(String text, String id) {
        Label l = new Label(text + "\n" + id);
        l.getStyleClass().add("token-chip");
        l.setAlignment(Pos.CENTER);
        l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        return l;
    }
}
