package nexttoken.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import nexttoken.lesson.LessonDraft;
import nexttoken.lesson.LessonFormat;
import nexttoken.lesson.LessonReader;
import nexttoken.model.Lesson;
import nexttoken.model.Problem;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;

/**
 * A small lesson editor: rename, add and remove tokens, edit ids and embeddings, type
 * a new prompt. Every keystroke is checked by the lesson reader itself and the field
 * at fault is marked with the reader's message; Apply is an undoable edit. Below, the
 * teacher's note of one step (the step being shown unless another is picked): each change
 * is an edit of the lesson at once, so the presenter window shows it while it is typed,
 * Undo takes back one stretch of typing and File → Save writes it to the lesson file.
 */
public final class LessonEditor extends VBox {
    /** Past this many tokens a form of text fields stops being usable; the file is the editor then. */
    static final int MAX_EDITABLE_TOKENS = 60;

    private final Presenter presenter;
    private final Texts texts;
    /** A long title (part 7's) wraps onto a second line rather than scroll out of the field. */
    private final WrappingField title = new WrappingField("");
    private final TextField prompt = new TextField();
    private final GridPane rowsGrid = new GridPane();
    private final Label problems = new Label();
    private final Button add = new Button();
    private final Button apply = new Button();
    private final Button revert = new Button();
    private final Label titleLabel = new Label();
    private final Label promptLabel = new Label();
    private final Label tooMany = new Label();
    private final Label notesLabel = new Label();
    private final Label notesHint = new Label();
    private final ComboBox<Step> notesStep = new ComboBox<>();
    private final TextArea notes = new TextArea();
    private boolean showingNote;
    private final List<RowFields> rows = new ArrayList<>();
    private final InvalidationListener onChange = o -> reloadIfChangedElsewhere();
    private Map<String, String> problemByField = new HashMap<>();
    private LessonReader.Result draft;
    private Lesson formFor;
    private boolean loading;

    private record RowFields(TextField token, TextField id, TextInputControl embedding, int sourceIndex) {
    }

    public LessonEditor(Presenter presenter) {
        this.presenter = presenter;
        this.texts = new Texts(presenter);
        getStyleClass().add("lesson-editor");
        setSpacing(8);
        title.setId("editor-title");
        prompt.setId("editor-prompt");
        add.setId("editor-add");
        apply.setId("editor-apply");
        revert.setId("editor-revert");
        problems.setId("editor-problems");
        problems.setWrapText(true);
        problems.getStyleClass().add("editor-problems");
        tooMany.setWrapText(true);
        rowsGrid.setHgap(6);
        rowsGrid.setVgap(4);
        ColumnConstraints token = new ColumnConstraints();
        token.setPercentWidth(30);
        ColumnConstraints id = new ColumnConstraints();
        id.setPercentWidth(20);
        ColumnConstraints embedding = new ColumnConstraints();
        embedding.setHgrow(Priority.ALWAYS);
        rowsGrid.getColumnConstraints().setAll(token, id, embedding, new ColumnConstraints());
        add.setOnAction(e -> {
            addRow("", "", "", -1);
            revalidate();
        });
        apply.setOnAction(e -> {
            if (draft != null && draft.ok()) {
                formFor = draft.lesson();
                presenter.applyLessonEdit(draft.lesson());
            }
        });
        revert.setOnAction(e -> load(presenter.getLesson()));
        title.textProperty().addListener(o -> revalidate());
        prompt.textProperty().addListener(o -> revalidate());
        // Buttons wrap to a second line in a narrow side panel rather than read "A…".
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(8, 6, add, apply, revert);
        for (Button b : List.of(add, apply, revert)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        promptLabel.setWrapText(true);
        buttons.setAlignment(Pos.CENTER_LEFT);
        setUpNotes();
        getChildren().addAll(titleLabel, title, rowsGrid, buttons, promptLabel, prompt, problems, tooMany,
                notesLabel, notesStep, notes, notesHint);
        presenter.revisionProperty().addListener(new WeakInvalidationListener(onChange));
        presenter.stepProperty().addListener(new WeakInvalidationListener(onStep));
        load(presenter.getLesson());
    }

    private final InvalidationListener onStep = o -> followStep();

    /** The notes field follows the walk: the step on the screen is the one whose note the teacher writes. */
    private void followStep() {
        notesStep.getSelectionModel().select(presenter.getStep());
    }

    private void setUpNotes() {
        notesLabel.getStyleClass().add("terms-header");
        notesLabel.setWrapText(true);
        notesHint.setWrapText(true);
        notesHint.setId("editor-notes-hint");
        notesHint.getStyleClass().add("editor-hint");
        notesStep.setId("editor-notes-step");
        notes.setId("editor-notes");
        notes.setWrapText(true);
        notes.setPrefRowCount(5);
        notesStep.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Step step) {
                return step == null ? "" : texts.get(step.nameKey());
            }

            @Override
            public Step fromString(String text) {
                return null;
            }
        });
        notesStep.valueProperty().addListener(o -> showNote());
        notes.textProperty().addListener(o -> {
            if (!showingNote && notesStep.getValue() != null) {
                String step = notesStep.getValue().fileId();
                String text = notes.getText();
                presenter.session().lessons().setNote(step, text);
            }
        });
        // Leaving the field ends the stretch of typing that one Undo takes back.
        notes.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                presenter.commitEdit();
            }
        });
    }

    /**
     * The steps this lesson walks through that a note can belong to, in the walk's order;
     * {@code followWalk} chooses the step on the screen, otherwise the chosen one stays.
     */
    private void loadNoteSteps(boolean followWalk) {
        List<Step> steps = presenter.path().stream()
                .filter(s -> LessonFormat.NOTE_STEPS.contains(s.fileId())).toList();
        Step chosen = notesStep.getValue();
        if (!steps.equals(notesStep.getItems())) {
            notesStep.getItems().setAll(steps);
        }
        notesStep.getSelectionModel().select(followWalk || !steps.contains(chosen) ? presenter.getStep() : chosen);
        showNote();
    }

    /** Puts the chosen step's note in the field unless the field already says it (typing keeps its caret). */
    private void showNote() {
        Step step = notesStep.getValue();
        String note = step == null ? null : presenter.getLesson().note(step.fileId());
        String text = note == null ? "" : note;
        notes.setDisable(step == null);
        if (!text.equals(notes.getText()) && !(text.isEmpty() && notes.getText().isBlank())) {
            showingNote = true;
            try {
                notes.setText(text);
            } finally {
                showingNote = false;
            }
        }
    }

    /** Read by tests: the notes field and its step. */
    TextArea notesField() {
        return notes;
    }

    ComboBox<Step> notesStepChoice() {
        return notesStep;
    }

    /** Reloads the form when the lesson changed by other means (open, undo), not for a weight moved. */
    private void reloadIfChangedElsewhere() {
        Lesson l = presenter.getLesson();
        boolean sameShape = formFor != null && (formFor.vocabulary() == l.vocabulary() || formFor.vocabulary().equals(l.vocabulary()))
                && formFor.prompt().equals(l.prompt()) && java.util.Objects.equals(formFor.title(), l.title());
        if (!sameShape) {
            load(l);
        } else {
            labels();
            // Undo, or another window, may have changed a note; the step being written stays chosen.
            loadNoteSteps(false);
        }
    }

    /**
     * Marks the field at fault with a style class and the reader's message as its tooltip.
     * Not ControlsFX's ValidationSupport: it cannot deregister a control (controlsfx#1447),
     * and a form rebuilt at every lesson switch kept every old field alive (the soak test
     * measured 60 MB over 4,000 commands).
     */
    private void mark(TextInputControl field, String fieldPath) {
        String message = problemByField.entrySet().stream()
                .filter(en -> en.getKey().equals(fieldPath) || en.getKey().startsWith(fieldPath + "["))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        field.getStyleClass().remove("invalid");
        if (message == null) {
            field.setTooltip(null);
        } else {
            field.getStyleClass().add("invalid");
            field.setTooltip(new javafx.scene.control.Tooltip(message));
        }
    }

    private void labels() {
        titleLabel.setText(texts.get("editor.title"));
        promptLabel.setText(texts.get("editor.prompt"));
        add.setText(texts.get("editor.add"));
        apply.setText(texts.get("editor.apply"));
        revert.setText(texts.get("editor.revert"));
        notesLabel.setText(texts.get("editor.notes"));
        String language = presenter.getLesson().language();
        notesHint.setText(texts.format("editor.notes.hint", language == null ? "—"
                : Locale.forLanguageTag(language).getDisplayLanguage(texts.locale())));
        if (!texts.locale().equals(labelsLocale)) {
            // The combo's cells draw through the converter once: redraw them in the new language.
            labelsLocale = texts.locale();
            Step chosen = notesStep.getValue();
            List<Step> steps = List.copyOf(notesStep.getItems());
            notesStep.getItems().clear();
            notesStep.getItems().setAll(steps);
            notesStep.getSelectionModel().select(chosen);
        }
    }

    private Locale labelsLocale;

    private void load(Lesson lesson) {
        loading = true;
        try {
            formFor = lesson;
            labels();
            loadNoteSteps(true);
            rows.clear();
            rowsGrid.getChildren().clear();
            boolean editable = lesson.vocabulary().size() <= MAX_EDITABLE_TOKENS;
            tooMany.setText(editable ? "" : texts.format("editor.too_many", lesson.vocabulary().size()));
            tooMany.setVisible(!editable);
            tooMany.setManaged(!editable);
            for (javafx.scene.Node n : List.of(rowsGrid, add, apply, revert, title, prompt)) {
                n.setDisable(!editable);
            }
            if (!editable) {
                return;
            }
            rowsGrid.addRow(0, header(texts.get("report.column.token")), header(texts.get("report.column.id")),
                    header(texts.get("report.column.embedding")));
            title.setText(lesson.title() == null ? "" : lesson.title());
            prompt.setText(String.join(" ", lesson.prompt()));
            for (LessonDraft.TokenRow r : LessonDraft.rowsOf(lesson)) {
                addRow(r.token(), r.id(), r.embedding(), r.sourceIndex());
            }
        } finally {
            loading = false;
        }
        revalidate();
    }

    private void addRow(String token, String id, String embedding, int sourceIndex) {
        TextField t = new TextField(token);
        TextField i = new TextField(id);
        // A trained embedding has twelve digits: the field shows the four that carry meaning, and an
        // untouched field keeps every digit when the edit is applied. Numbers that do not fit on a
        // line go on to the next rather than scroll out of sight.
        String readable = readable(embedding);
        WrappingField e = new WrappingField(readable);
        if (!readable.equals(embedding)) {
            exactBehind.put(e, new String[] {readable, embedding});
        }
        boolean hasEmbeddings = presenter.getLesson().vocabulary().hasEmbeddings();
        e.setDisable(!hasEmbeddings);
        e.setPromptText(hasEmbeddings ? "0.1, −0.2" : "—");
        int index = rows.size();
        t.setId("editor-token-" + index);
        i.setId("editor-id-" + index);
        e.setId("editor-embedding-" + index);
        Button remove = new Button("✕");
        remove.setId("editor-remove-" + index);
        RowFields row = new RowFields(t, i, e, sourceIndex);
        remove.setOnAction(ev -> {
            int at = rows.indexOf(row);
            rows.remove(row);
            rowsGrid.getChildren().removeAll(t, i, e, remove);
            for (javafx.scene.Node n : rowsGrid.getChildren()) {
                Integer r = GridPane.getRowIndex(n);
                if (r != null && r > at + 1) {
                    GridPane.setRowIndex(n, r - 1);
                }
            }
            revalidate();
        });
        rows.add(row);
        rowsGrid.addRow(rows.size(), t, i, e, remove);
        for (TextInputControl f : List.of(t, i, e)) {
            f.textProperty().addListener(o -> revalidate());
        }
    }

    /** Fields showing rounded numbers, with {shown, exact}: an unedited field stands for its exact text. */
    private final java.util.Map<TextInputControl, String[]> exactBehind = new java.util.WeakHashMap<>();

    private String typedOrExact(TextInputControl field) {
        String[] behind = exactBehind.get(field);
        return behind != null && behind[0].equals(field.getText()) ? behind[1] : field.getText();
    }

    /** "0.478735461362, -0.412790977302" read by the one rule: "0.4787, -0.4128". */
    private static String readable(String embedding) {
        if (embedding == null || embedding.isBlank()) {
            return embedding == null ? "" : embedding;
        }
        StringBuilder out = new StringBuilder();
        for (String part : embedding.split(",")) {
            double v = NumberField.parse(part);
            if (!Double.isFinite(v)) {
                return embedding;
            }
            out.append(out.length() == 0 ? "" : ", ").append(nexttoken.model.NumberText.reading(v, java.util.Locale.ROOT));
        }
        return out.toString();
    }

    private String fieldOf(RowFields row, String part) {
        return "vocabulary[" + rows.indexOf(row) + "]." + part;
    }

    private void revalidate() {
        if (loading) {
            return;
        }
        List<LessonDraft.TokenRow> typed = rows.stream()
                .map(r -> new LessonDraft.TokenRow(r.token().getText(), r.id().getText(), typedOrExact(r.embedding()),
                        r.sourceIndex()))
                .toList();
        draft = LessonDraft.build(presenter.getLesson(), title.getText(), typed, prompt.getText(),
                presenter.lessonSourceProperty().get());
        problemByField = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (Problem p : draft.problems()) {
            String message = p.message(texts.locale());
            lines.add("⚠ " + message);
            String field = p.field() == null ? "" : p.field();
            problemByField.putIfAbsent(field, message);
            if (field.startsWith("prompt[")) {
                problemByField.putIfAbsent("prompt", message);
            }
        }
        problems.setText(String.join("\n", lines));
        apply.setDisable(!draft.ok() || draft.lesson().equals(presenter.getLesson()));
        mark(title, "title");
        mark(prompt, "prompt");
        for (RowFields row : rows) {
            mark(row.token(), fieldOf(row, "token"));
            mark(row.id(), fieldOf(row, "id"));
            mark(row.embedding(), fieldOf(row, "embedding"));
        }
    }

    /** What the editor would apply now, or why not: for tests and for the Apply button. */
    public LessonReader.Result draft() {
        return draft;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("terms-header");
        return l;
    }
}
