package nexttoken.view;

import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.shape.Circle;
import javafx.beans.property.ReadOnlyObjectWrapper;
import nexttoken.model.Trace;
import nexttoken.model.Vocabulary;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;

/** The vocabulary: token, id and embedding, with the context and the predicted token marked. */
public final class TokenTableView extends StepView {
    private static final PseudoClass IN_CONTEXT = PseudoClass.getPseudoClass("in-context");
    private static final PseudoClass PREDICTED = PseudoClass.getPseudoClass("predicted");

    private final TableView<Integer> table = new TableView<>();
    private final TableColumn<Integer, Integer> tokenColumn = new TableColumn<>();
    private final TableColumn<Integer, Integer> idColumn = new TableColumn<>();
    private final TableColumn<Integer, Integer> embeddingColumn = new TableColumn<>();
    private Vocabulary shown;
    private final RedrawKey drawn = new RedrawKey();

    public TokenTableView(Presenter presenter) {
        super(presenter, List.of(Step.TOKENS), "token-table-view");
        table.getStyleClass().add("token-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFocusTraversable(false);
        tokenColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        idColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        embeddingColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        tokenColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Integer index, boolean empty) {
                super.updateItem(index, empty);
                if (empty || index == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(presenter.getLesson().vocabulary().token(index) + marker(index));
                Circle swatch = new Circle(7, TokenColors.of(index, presenter.getTheme()));
                setGraphic(swatch);
            }
        });
        idColumn.setCellFactory(c -> textCell(index -> Integer.toString(presenter.getLesson().vocabulary().id(index))));
        embeddingColumn.setCellFactory(c -> textCell(index -> {
            Vocabulary v = presenter.getLesson().vocabulary();
            return "[" + texts.formulas().list(v.embedding(index)) + "]";
        }));
        tokenColumn.getStyleClass().add("token-column");
        // Ids are a few digits: never cut, never wider than they need; the rest is shared.
        idColumn.setMinWidth(56);
        idColumn.setMaxWidth(90);
        idColumn.getStyleClass().add("number-column");
        embeddingColumn.getStyleClass().add("number-column");
        table.getColumns().setAll(List.of(tokenColumn, idColumn, embeddingColumn));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Integer index, boolean empty) {
                super.updateItem(index, empty);
                Trace trace = presenter.getTrace();
                boolean inContext = !empty && index != null && trace.context() != null
                        && trace.context().indices().contains(index);
                pseudoClassStateChanged(IN_CONTEXT, inContext);
                pseudoClassStateChanged(PREDICTED, !empty && index != null && index == presenter.getSampledIndex());
            }
        });
        setContent(table);
    }

    private String marker(int index) {
        Trace trace = presenter.getTrace();
        StringBuilder out = new StringBuilder();
        if (trace.context() != null) {
            List<Integer> context = trace.context().indices();
            for (int position = 0; position < context.size(); position++) {
                if (context.get(position) == index) {
                    out.append("  x").append(Texts.subscript(position + 1));
                }
            }
        }
        if (index == presenter.getSampledIndex()) {
            out.append("  ★");
        }
        return out.toString();
    }


    private TableCell<Integer, Integer> textCell(java.util.function.IntFunction<String> text) {
        return new TableCell<>() {
            @Override
            protected void updateItem(Integer index, boolean empty) {
                super.updateItem(index, empty);
                setText(empty || index == null ? null : text.apply(index));
            }
        };
    }

    @Override
    public String exportName() {
        return "tokens";
    }

    @Override
    protected String titleKey() {
        return "view.tokens.title";
    }

    @Override
    protected void update() {
        tokenColumn.setText(texts.get("report.column.token"));
        idColumn.setText(texts.get("report.column.id"));
        embeddingColumn.setText(texts.get("report.column.embedding"));
        Vocabulary v = presenter.getLesson().vocabulary();
        embeddingColumn.setVisible(v.hasEmbeddings());
        if (v != shown && (shown == null || shown.size() != v.size())) {
            table.setItems(FXCollections.observableArrayList(IntStream.range(0, v.size()).boxed().toList()));
        }
        shown = v;
        // table.refresh() rebuilds every visible cell; a temperature change alters nothing here.
        Trace t = presenter.getTrace();
        if (drawn.changed(System.identityHashCode(v), t.context() == null ? List.of() : t.context().indices(),
                presenter.getSampledIndex(), presenter.getHighlightedToken(), texts.locale(), presenter.getTheme())) {
            table.refresh();
        }
        int found = presenter.getHighlightedToken();
        if (found >= 0 && found < v.size()) {
            table.getSelectionModel().select(found);
            table.scrollTo(Math.max(0, found - 2));
        } else {
            table.getSelectionModel().clearSelection();
        }
    }
}
