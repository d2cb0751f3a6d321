package nexttoken.presenter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where the presenter screen's two windows go, worked out from a list of screens without
 * a toolkit (the window code feeds it {@code Screen.getScreens()}; tests feed it fakes).
 * With two or more screens the projector window fills a screen other than the primary
 * one — the teacher's choice when that screen is there — and the presenter window sits
 * on the primary; with one screen the two sit side by side, for rehearsing; with none
 * (for a moment while a monitor is unplugged) nothing moves.
 */
public final class ScreenPlacement {

    /** A rectangle in the toolkit's logical pixels (already divided by the screen's scale). */
    public record Rect(double x, double y, double width, double height) {
        public boolean contains(double px, double py) {
            return px >= x && px < x + width && py >= y && py < y + height;
        }

        /** "1280,0,1024,768": how a chosen screen is remembered between runs. */
        public String key() {
            return fmt(x) + "," + fmt(y) + "," + fmt(width) + "," + fmt(height);
        }

        private static String fmt(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }

    /**
     * One monitor.
     *
     * @param bounds  the whole screen (a projector window covers it, menu bars and all)
     * @param visual  the part windows may use (without the desktop's panels)
     * @param scale   device pixels per logical pixel (2 on a HiDPI laptop)
     */
    public record ScreenInfo(Rect bounds, Rect visual, double scale, boolean primary) {
        public String key() {
            return bounds.key();
        }
    }

    public enum Mode {
        /** The projector window has a screen of its own. */
        TWO_SCREENS,
        /** One screen: both windows share it, side by side. */
        SIDE_BY_SIDE,
        /** No screen for now: leave every window where it is. */
        NO_SCREEN
    }

    /** Where each window goes; null rectangles for {@link Mode#NO_SCREEN}. */
    public record Placement(Mode mode, Rect presenter, Rect projector, ScreenInfo projectorScreen) {
    }

    private ScreenPlacement() {
    }

    /** @param chosenKey the teacher's remembered projector screen ({@link ScreenInfo#key()}), or null */
    public static Placement place(List<ScreenInfo> screens, String chosenKey) {
        if (screens.isEmpty()) {
            return new Placement(Mode.NO_SCREEN, null, null, null);
        }
        ScreenInfo primary = primary(screens);
        Optional<ScreenInfo> projector = projectorScreen(screens, chosenKey);
        if (projector.isEmpty()) {
            Rect v = primary.visual();
            double half = Math.floor(v.width() / 2);
            return new Placement(Mode.SIDE_BY_SIDE, new Rect(v.x(), v.y(), half, v.height()),
                    new Rect(v.x() + half, v.y(), v.width() - half, v.height()), primary);
        }
        return new Placement(Mode.TWO_SCREENS, primary.visual(), projector.get().bounds(), projector.get());
    }

    /** The screen the projector window goes to, if there is one besides the primary. */
    public static Optional<ScreenInfo> projectorScreen(List<ScreenInfo> screens, String chosenKey) {
        ScreenInfo primary = primary(screens);
        List<ScreenInfo> others = screens.stream().filter(s -> s != primary).toList();
        if (others.isEmpty()) {
            return Optional.empty();
        }
        return others.stream().filter(s -> s.key().equals(chosenKey)).findFirst()
                .or(() -> Optional.of(numbered(others).get(0)));
    }

    /**
     * The screens as "identify screens" numbers them: 1 is the primary (the laptop), then
     * the others from left to right, top to bottom — the order a teacher sees them on the desk.
     */
    public static List<ScreenInfo> numbered(List<ScreenInfo> screens) {
        List<ScreenInfo> out = new ArrayList<>(screens);
        out.sort(Comparator.comparing((ScreenInfo s) -> !s.primary())
                .thenComparingDouble(s -> s.bounds().x()).thenComparingDouble(s -> s.bounds().y()));
        return out;
    }

    /** The primary screen; if a list names none (a monitor changing), the one at the origin, else the first. */
    static ScreenInfo primary(List<ScreenInfo> screens) {
        return screens.stream().filter(ScreenInfo::primary).findFirst()
                .or(() -> screens.stream().filter(s -> s.bounds().contains(0, 0)).findFirst())
                .orElse(screens.get(0));
    }
}
