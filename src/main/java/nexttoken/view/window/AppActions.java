package nexttoken.view.window;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import nexttoken.presenter.Appearance;
import nexttoken.presenter.Walkthrough;
import nexttoken.view.window.KeyTrigger.Modifiers;

/**
 * The commands of a window, each defined once. The groups are separate so that another
 * window (the presenter screen) can take the walk and its own appearance without the
 * main window's files: {@code new AppActions(AppActions.walk(w), AppActions.appearance(a, stage))}.
 */
public final class AppActions {
    public static final String NEXT = "next";
    public static final String BACK = "back";
    public static final String HOME = "home";
    public static final String END = "end";
    public static final String REVEAL_ALL = "reveal_all";
    public static final String ZOOM_IN = "zoom_in";
    public static final String ZOOM_OUT = "zoom_out";
    public static final String ZOOM_RESET = "zoom_reset";
    public static final String FULL_SCREEN = "full_screen";
    public static final String OPEN = "open";
    public static final String SAVE = "save";
    public static final String SAVE_AS = "save_as";
    public static final String EXPORT_SLIDE = "export_slide";
    public static final String EXPORT_ALL = "export_all";
    public static final String EXPORT_HANDOUT = "export_handout";
    public static final String EXPORT_TEACHER_HANDOUT = "export_teacher_handout";
    public static final String PRESENTER_SCREEN = "presenter_screen";
    public static final String BLANK_PROJECTOR = "blank_projector";
    public static final String FREEZE_PROJECTOR = "freeze_projector";
    public static final String ASK_CLASS = "ask_class";
    public static final String REVEAL_POLL = "reveal_poll";
    public static final String KEYS_SHEET = "keys_sheet";
    /** "step.3" is the digit key 3: the third step of the path. */
    public static final String STEP_PREFIX = "step.";

    private final Map<String, Action> byId = new LinkedHashMap<>();

    @SafeVarargs
    public AppActions(List<Action>... groups) {
        for (List<Action> group : groups) {
            for (Action a : group) {
                if (byId.putIfAbsent(a.id(), a) != null) {
                    throw new IllegalArgumentException("two actions named " + a.id());
                }
            }
        }
    }

    public Action get(String id) {
        Action a = byId.get(id);
        if (a == null) {
            throw new IllegalArgumentException("no action " + id);
        }
        return a;
    }

    public List<Action> all() {
        return List.copyOf(byId.values());
    }

    /** Stepping: the clicker's keys (Page Down / Page Up), the arrows, Space, Home, End and the digits. */
    public static List<Action> walk(Walkthrough walk) {
        List<Action> out = new ArrayList<>(List.of(
                Action.of(NEXT, null, walk::next, KeyTrigger.any(KeyCode.PAGE_DOWN),
                        KeyTrigger.notTyping(KeyCode.RIGHT, Modifiers.ANY), KeyTrigger.notTyping(KeyCode.SPACE, Modifiers.ANY)),
                Action.of(BACK, null, walk::back, KeyTrigger.any(KeyCode.PAGE_UP),
                        KeyTrigger.notTyping(KeyCode.LEFT, Modifiers.ANY), KeyTrigger.notTyping(KeyCode.BACK_SPACE, Modifiers.ANY)),
                Action.of(HOME, null, walk::home, KeyTrigger.notTyping(KeyCode.HOME, Modifiers.ANY)),
                Action.of(END, null, walk::end, KeyTrigger.notTyping(KeyCode.END, Modifiers.ANY)),
                Action.toggle(REVEAL_ALL, "toolbar.reveal_all", () -> walk.revealAllProperty().get(),
                        () -> walk.setRevealAll(!walk.revealAllProperty().get()))));
        for (int n = 1; n <= 9; n++) {
            int number = n;
            out.add(Action.of(STEP_PREFIX + n, null, () -> walk.goToNumber(number),
                    KeyTrigger.notTyping(KeyCode.valueOf("DIGIT" + n), Modifiers.NO_SHORTCUT),
                    KeyTrigger.notTyping(KeyCode.valueOf("NUMPAD" + n), Modifiers.NO_SHORTCUT)));
        }
        return out;
    }

    /** Zoom and full screen of one window: {@code window} is the stage they apply to. */
    public static List<Action> appearance(Appearance appearance, Supplier<Window> window) {
        return List.of(
                Action.of(ZOOM_IN, "menu.zoom_in", appearance::zoomIn, KeyTrigger.shortcut(KeyCode.EQUALS, Modifiers.SHORTCUT),
                        KeyTrigger.shortcut(KeyCode.PLUS, Modifiers.SHORTCUT), KeyTrigger.shortcut(KeyCode.ADD, Modifiers.SHORTCUT)),
                Action.of(ZOOM_OUT, "menu.zoom_out", appearance::zoomOut, KeyTrigger.shortcut(KeyCode.MINUS, Modifiers.SHORTCUT),
                        KeyTrigger.shortcut(KeyCode.SUBTRACT, Modifiers.SHORTCUT)),
                Action.of(ZOOM_RESET, "menu.zoom_reset", appearance::resetZoom,
                        KeyTrigger.shortcut(KeyCode.DIGIT0, Modifiers.SHORTCUT), KeyTrigger.shortcut(KeyCode.NUMPAD0, Modifiers.SHORTCUT)),
                Action.of(FULL_SCREEN, "menu.full_screen", () -> {
                    if (window.get() instanceof Stage stage) {
                        stage.setFullScreen(!stage.isFullScreen());
                    }
                }, KeyTrigger.any(KeyCode.F5), KeyTrigger.any(KeyCode.F11)));
    }

    public static List<Action> files(LessonFiles files) {
        return List.of(
                Action.of(OPEN, "toolbar.open", files::chooseAndOpen, KeyTrigger.shortcut(KeyCode.O, Modifiers.SHORTCUT_ONLY)),
                Action.of(SAVE, "menu.save", files::save, KeyTrigger.shortcut(KeyCode.S, Modifiers.SHORTCUT_ONLY)),
                Action.of(SAVE_AS, "menu.save_as", files::saveAs, KeyTrigger.shortcut(KeyCode.S, Modifiers.SHORTCUT_SHIFT)));
    }

    public static List<Action> export(ExportActions export) {
        return List.of(
                Action.of(EXPORT_SLIDE, "export.slide", export::chooseAndExportSlide),
                Action.of(EXPORT_ALL, "export.all", export::chooseAndExportAll),
                Action.of(EXPORT_HANDOUT, "handout.menu", () -> export.chooseAndExportHandout(false)),
                Action.of(EXPORT_TEACHER_HANDOUT, "handout.menu.teacher", () -> export.chooseAndExportHandout(true)));
    }

    /**
     * The presenter screen's keys for the projector (issue 14): B or "." blanks it and brings it
     * back, F freezes it on its frame and then shows the result; a clicker's "black screen"
     * button sends B or ".".
     */
    public static List<Action> projector(Runnable toggleBlank, Runnable freezeOrShow) {
        return List.of(
                Action.of(BLANK_PROJECTOR, "present.blank", toggleBlank, KeyTrigger.notTyping(KeyCode.B, Modifiers.NO_SHORTCUT),
                        KeyTrigger.notTyping(KeyCode.PERIOD, Modifiers.NO_SHORTCUT)),
                Action.of(FREEZE_PROJECTOR, "present.freeze", freezeOrShow, KeyTrigger.notTyping(KeyCode.F, Modifiers.NO_SHORTCUT)));
    }

    /** View → Presenter screen (issue 14): opens it beside the projector, or brings the open one forward. */
    public static List<Action> presenterScreen(Runnable open) {
        return List.of(Action.of(PRESENTER_SCREEN, "present.menu", open));
    }

    /** The help sheet of keys (View → Keys), on F1: written from these actions, see {@link KeysSheet}. */
    public static List<Action> help(Runnable showKeys) {
        return List.of(Action.of(KEYS_SHEET, "menu.keys", showKeys, KeyTrigger.any(KeyCode.F1)));
    }

    /**
     * The class poll (issue 15): "Ask the class" on the toolbar and the key P; the reveal of an
     * open poll on its button and the key R, so a teacher at the clicker need not walk to the laptop.
     */
    public static List<Action> poll(Runnable askTheClass, Runnable reveal) {
        return List.of(Action.of(ASK_CLASS, "poll.action", askTheClass, KeyTrigger.notTyping(KeyCode.P, Modifiers.NO_SHORTCUT)),
                Action.of(REVEAL_POLL, "poll.reveal", reveal, KeyTrigger.notTyping(KeyCode.R, Modifiers.NO_SHORTCUT)));
    }
}
