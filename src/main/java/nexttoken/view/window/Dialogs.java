package nexttoken.view.window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import nexttoken.view.Texts;

/**
 * Every dialog, alert and file chooser of one window, owned by that window: with two
 * screens a dialog must open over the one the teacher is looking at, and block only it.
 * Tests replace the questions' answers so that no dialog blocks a run.
 */
public final class Dialogs {

    /** What to do with unsaved edits. */
    public enum UnsavedChoice { SAVE, DISCARD, CANCEL }

    private final Supplier<Window> owner;
    private final Texts texts;
    private Supplier<UnsavedChoice> unsavedAnswer = this::askUnsavedWithDialog;
    private BiPredicate<String, String> confirmAnswer = this::confirmWithDialog;

    /** @param owner the window the dialogs belong to, read when a dialog opens (null before it is shown) */
    public Dialogs(Supplier<Window> owner, Texts texts) {
        this.owner = owner;
        this.texts = texts;
    }

    public Window owner() {
        return owner.get();
    }

    /** A lesson file to open. */
    public Optional<Path> openLesson() {
        FileChooser chooser = lessonChooser(texts.get("toolbar.open"));
        return path(chooser.showOpenDialog(owner()));
    }

    /** Where to save the lesson; the system dialog asks before replacing a file. */
    public Optional<Path> saveLesson(String initialName) {
        FileChooser chooser = lessonChooser(texts.get("menu.save_as"));
        chooser.setInitialFileName(initialName);
        return path(chooser.showSaveDialog(owner()));
    }

    /** Where to write one PNG; the system dialog asks before replacing a file. */
    public Optional<Path> savePng(String title, String initialName) {
        return saveAs(title, initialName, "PNG", "*.png");
    }

    /** Where to write a handout; the system dialog asks before replacing a file. */
    public Optional<Path> savePdf(String title, String initialName) {
        return saveAs(title, initialName, "PDF", "*.pdf");
    }

    private Optional<Path> saveAs(String title, String initialName, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(initialName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        return path(chooser.showSaveDialog(owner()));
    }

    public Optional<Path> chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return path(chooser.showDialog(owner()));
    }

    /** A yes/no question; no is the answer when the dialog is closed. */
    public boolean confirm(String title, String message) {
        return confirmAnswer.test(title, message);
    }

    /** Save / Discard / Cancel, before unsaved edits would be lost. */
    public UnsavedChoice askUnsaved() {
        return unsavedAnswer.get();
    }

    /** For tests: answers the unsaved-changes question without a dialog. */
    public void answerUnsavedWith(Supplier<UnsavedChoice> answer) {
        unsavedAnswer = answer;
    }

    /** For tests: answers yes/no questions (replace files?) without a dialog. */
    public void answerConfirmWith(BiPredicate<String, String> answer) {
        confirmAnswer = answer;
    }

    private FileChooser lessonChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.get("toolbar.open.filter"), "*.json"));
        return chooser;
    }

    private static Optional<Path> path(File file) {
        return Optional.ofNullable(file).map(File::toPath);
    }

    private boolean confirmWithDialog(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.YES, ButtonType.NO);
        alert.setHeaderText(title);
        alert.initOwner(owner());
        return alert.showAndWait().orElse(ButtonType.NO) == ButtonType.YES;
    }

    private UnsavedChoice askUnsavedWithDialog() {
        ButtonType save = new ButtonType(texts.get("unsaved.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(texts.get("unsaved.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(texts.get("unsaved.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, texts.get("unsaved.message"), save, discard, cancel);
        alert.setHeaderText(texts.get("unsaved.title"));
        alert.initOwner(owner());
        ButtonType answer = alert.showAndWait().orElse(cancel);
        return answer == save ? UnsavedChoice.SAVE : answer == discard ? UnsavedChoice.DISCARD : UnsavedChoice.CANCEL;
    }
}
