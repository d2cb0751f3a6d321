package nexttoken.view;

import nexttoken.model.LessonKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.function.DoublePredicate;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nexttoken.model.Lesson;
import nexttoken.model.Normalization;
import nexttoken.model.Values;
import nexttoken.model.Vocabulary;
import nexttoken.presenter.Presenter;
import org.controlsfx.control.SegmentedButton;

/**
 * A slider and an exact field for every weight and decoding setting. Moving a slider
 * recomputes while it is still being dragged; letting go closes one undo step.
 */
public final class ControlsPanel extends VBox {
    /** f2 gets one slider per token only while that fits on a screen. */
    static final int MAX_F2_SLIDERS = 24;

    private final Presenter presenter;
    private final Texts texts;
    private final List<Runnable> syncs = new ArrayList<>();
    private final InvalidationListener onChange = o -> sync();
    private Lesson builtFor;
    private boolean syncing;

    public ControlsPanel(Presenter presenter) {
        this.presenter = presenter;
        this.texts = new Texts(presenter);
        getStyleClass().add("controls-panel");
        setSpacing(10);
        presenter.revisionProperty().addListener(new WeakInvalidationListener(onChange));
        sync();
    }

    private boolean needsRebuild(Lesson l) {
        return builtFor == null || builtFor.kind() != l.kind() || weightCount(builtFor) != weightCount(l)
                || builtFor.vocabulary().size() != l.vocabulary().size()
                || (builtFor.vocabulary() != l.vocabulary() && !builtFor.vocabulary().tokens().equals(l.vocabulary().tokens()))
                || builtFor.input() != l.input() || !presenter.getLanguage().equals(builtLanguage);
    }

    private java.util.Locale builtLanguage;

    /** f1's weights; an attention lesson has none (its weights come from the words, on the positions and map views). */
    private static int weightCount(Lesson l) {
        return l.f1() == null ? 0 : l.f1().size();
    }

    /** Lessons with f1 and f2 as weight vectors: parts 2 to 5. */
    private static boolean hasWeightVectors(LessonKind kind) {
        return switch (kind) {
            case LOOKUP, ATTENTION -> false;
            case IDS, EMBEDDINGS -> true;
        };
    }

    /** Lessons whose prediction is a distribution to decode: all but part 1's lookup. */
    private static boolean decodes(LessonKind kind) {
        return switch (kind) {
            case LOOKUP -> false;
            case IDS, EMBEDDINGS, ATTENTION -> true;
        };
    }

    private void sync() {
        Lesson l = presenter.getLesson();
        if (needsRebuild(l)) {
            build(l);
        }
        builtFor = l;
        syncing = true;
        try {
            syncs.forEach(Runnable::run);
        } finally {
            syncing = false;
        }
    }

    private void build(Lesson l) {
        builtLanguage = presenter.getLanguage();
        syncs.clear();
        getChildren().clear();
        Vocabulary v = l.vocabulary();

        if (l.f1() != null) {
            getChildren().add(section(texts.get("controls.f1")));
            GridPane f1 = grid();
            for (int k = 0; k < l.f1().size(); k++) {
                int kk = k;
                String name = "w" + Texts.subscript(k + 1);
                addWeightRow(f1, k, name, null, () -> presenter.getLesson().f1(), kk,
                        value -> presenter.setF1Weight(kk, value), "f1-" + k);
            }
            getChildren().add(f1);
        }

        if (hasWeightVectors(l.kind())) {
            getChildren().add(section(texts.get("controls.f2")));
            if (v.size() <= MAX_F2_SLIDERS) {
                GridPane f2 = grid();
                for (int i = 0; i < v.size(); i++) {
                    int ii = i;
                    addWeightRow(f2, i, v.token(i), TokenColors.text(i, presenter.getTheme()), () -> presenter.getLesson().f2(), ii,
                            value -> presenter.setF2Weight(ii, value), "f2-" + i);
                }
                getChildren().add(f2);
            } else {
                Label note = new Label(texts.format("controls.f2.too_many", texts.count(v.size())));
                note.setWrapText(true);
                note.getStyleClass().add("step-note");
                getChildren().add(note);
            }
        }
        if (decodes(l.kind())) {
            getChildren().add(section(texts.get("controls.decoding")));
            getChildren().add(normalizationChooser());
            GridPane decoding = grid();
            addSettingRow(decoding, 0, texts.get("controls.temperature"), 0, 5,
                    () -> presenter.getLesson().temperature(), t -> t >= 0, presenter::setTemperature,
                    texts.get("controls.temperature.refused"), "temperature", 2);
            addSettingRow(decoding, 1, "top-k", 0, v.size(), () -> presenter.getLesson().topK(),
                    k -> k >= 0 && k == Math.rint(k) && k <= Integer.MAX_VALUE, k -> presenter.setTopK((int) k),
                    texts.get("controls.topk.refused"), "top-k", 0);
            addSettingRow(decoding, 2, "top-p", 0.01, 1, () -> presenter.getLesson().topP(), p -> p > 0 && p <= 1,
                    presenter::setTopP, texts.get("controls.topp.refused"), "top-p", 2);
            getChildren().add(decoding);
            Label hint = new Label();
            hint.getStyleClass().add("controls-hint");
            hint.setWrapText(true);
            syncs.add(() -> hint.setText(texts.get(presenter.getLesson().temperature() == 0
                    ? "controls.temperature.greedy" : "controls.zero_off")));
            getChildren().add(hint);
            getChildren().add(seedRow());
        }

        Button undo = new Button(texts.get("controls.undo"));
        undo.setId("undo");
        undo.setOnAction(e -> presenter.undo());
        undo.disableProperty().bind(presenter.canUndoProperty().not());
        Button reset = new Button(texts.get("controls.reset"));
        reset.setId("reset");
        reset.setOnAction(e -> presenter.resetToLesson());
        HBox buttons = new HBox(8, undo, reset);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(buttons);
        getChildren().forEach(n -> n.setFocusTraversable(true));
    }

    private HBox normalizationChooser() {
        ToggleButton norm = new ToggleButton("norm");
        ToggleButton softmax = new ToggleButton("softmax");
        norm.setId("use-norm");
        softmax.setId("use-softmax");
        SegmentedButton chooser = new SegmentedButton(norm, softmax);
        norm.setOnAction(e -> presenter.setNormalization(Normalization.NORM));
        softmax.setOnAction(e -> presenter.setNormalization(Normalization.SOFTMAX));
        syncs.add(() -> {
            boolean isNorm = presenter.getLesson().normalization() == Normalization.NORM;
            norm.setSelected(isNorm);
            softmax.setSelected(!isNorm);
        });
        HBox row = new HBox(10, new Label(texts.get("controls.normalization")), chooser);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private HBox seedRow() {
        NumberField field = new NumberField(s -> s == Math.rint(s) && Math.abs(s) < 9e15,
                s -> presenter.setSeed((long) s), texts.get("controls.seed.refused"));
        field.setId("seed");
        field.setPrefColumnCount(8);
        syncs.add(() -> field.show(presenter.getLesson().seed() == null ? "0" : Long.toString(presenter.getLesson().seed())));
        HBox row = new HBox(10, new Label(texts.get("controls.seed")), field);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void addWeightRow(GridPane grid, int row, String name, javafx.scene.paint.Color color,
                              java.util.function.Supplier<Values> weights, int index, DoubleConsumer set, String id) {
        java.util.function.Function<Lesson, Values> originalWeights = id.startsWith("f1") ? Lesson::f1 : Lesson::f2;
        Label label = new Label(name);
        label.getStyleClass().add("weight-name");
        if (color != null) {
            TokenColors.paintText(label, color);
        }
        Slider slider = new Slider();
        slider.setId(id + "-slider");
        HBox.setHgrow(slider, Priority.ALWAYS);
        NumberField field = new NumberField(w -> Math.abs(w) <= 1e12, set, texts.get("controls.weight.refused"));
        field.setId(id + "-field");
        slider.valueProperty().addListener((o, old, value) -> {
            if (!syncing) {
                set.accept(Math.round(value.doubleValue() * 100) / 100.0);
            }
        });
        slider.valueChangingProperty().addListener((o, was, is) -> {
            if (!is) {
                presenter.commitEdit();
            }
        });
        syncs.add(() -> {
            double w = weights.get().get(index);
            // The range never moves under a dragging pointer: it follows the lesson's own weight,
            // and widens only for a value typed outside it.
            if (!slider.isValueChanging()) {
                Values original = originalWeights.apply(presenter.originalLessonProperty().get());
                double base = original == null || index >= original.size() ? 0 : Math.abs(original.get(index));
                double range = Math.max(5, Math.ceil(Math.max(base * 2, Math.abs(w))));
                slider.setMin(-range);
                slider.setMax(range);
            }
            slider.setValue(w);
            field.show(texts.number(w));
            texts.exactTip(field, w);
        });
        grid.addRow(row, label, slider, field);
    }

    private void addSettingRow(GridPane grid, int row, String name, double min, double max,
                               java.util.function.DoubleSupplier value, DoublePredicate accepts, DoubleConsumer set,
                               String refusal, String id, int decimals) {
        Label label = new Label(name);
        label.getStyleClass().add("weight-name");
        Slider slider = new Slider(min, max, value.getAsDouble());
        slider.setId(id + "-slider");
        if (decimals == 0) {
            slider.setMajorTickUnit(1);
            slider.setMinorTickCount(0);
            slider.setSnapToTicks(true);
        }
        NumberField field = new NumberField(accepts, set, refusal);
        field.setId(id + "-field");
        double scale = Math.pow(10, decimals);
        slider.valueProperty().addListener((o, old, v) -> {
            if (!syncing) {
                double rounded = Math.round(v.doubleValue() * scale) / scale;
                if (accepts.test(rounded)) {
                    set.accept(rounded);
                }
            }
        });
        slider.valueChangingProperty().addListener((o, was, is) -> {
            if (!is) {
                presenter.commitEdit();
            }
        });
        syncs.add(() -> {
            double v = value.getAsDouble();
            slider.setValue(Math.max(min, Math.min(slider.getMax(), v)));
            field.show(decimals == 0 ? Long.toString((long) v) : texts.number(v));
            texts.exactTip(field, decimals == 0 ? 0 : v);
        });
        grid.addRow(row, label, slider, field);
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(4);
        g.getStyleClass().add("controls-grid");
        javafx.scene.layout.ColumnConstraints name = new javafx.scene.layout.ColumnConstraints();
        name.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints slider = new javafx.scene.layout.ColumnConstraints();
        slider.setHgrow(Priority.ALWAYS);
        slider.setMinWidth(90);
        javafx.scene.layout.ColumnConstraints field = new javafx.scene.layout.ColumnConstraints();
        g.getColumnConstraints().setAll(name, slider, field);
        return g;
    }

    private Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("controls-section");
        return l;
    }

}
