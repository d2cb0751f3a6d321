package nexttoken.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import nexttoken.app.NextTokenApp;
import nexttoken.export.PngExport;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;
import nexttoken.presenter.Theme;
import nexttoken.settings.UserSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 16's export edges, read off the PNGs' pixels: transparency, readability, sharpness. */
@ExtendWith(ApplicationExtension.class)
class ExportPixelsUiTest {
    private Presenter presenter;
    private MainWindow view;

    @Start
    void start(Stage stage) {
        presenter = new Presenter(BuiltInLessons.load("part3-en"), "part3-en", Locale.ENGLISH);
        view = new MainWindow(presenter, UserSettings.inMemory());
        view.setControlsVisible(false);
        Scene scene = NextTokenApp.createScene(view);
        stage.setScene(scene);
        stage.setWidth(1440);
        stage.setHeight(900);
        stage.show();
        presenter.setRevealAll(true);
        List<Step> path = presenter.path();
        presenter.goTo(path.get(path.size() - 2));
    }

    private BufferedImage export(FxRobot robot, Path file, Theme theme, int scale, PngExport.Background background,
                                 StepView single) throws Exception {
        robot.interact(() -> {
            presenter.setTheme(theme);
            view.applyCss();
            view.layout();
            view.exports().setOptions(new PngExport.Options(scale, background));
            assertTrue(single == null ? view.exports().exportSlideTo(file) : view.exports().exportViewTo(single, file));
        });
        return ImageIO.read(file.toFile());
    }

    private static int alpha(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >>> 24;
    }

    /** Luminance (0–255) of the pixel laid over a plain background of luminance {@code under}. */
    private static double over(BufferedImage image, int x, int y, double under) {
        int argb = image.getRGB(x, y);
        double a = (argb >>> 24) / 255.0;
        double lum = 0.2126 * (argb >> 16 & 0xFF) + 0.7152 * (argb >> 8 & 0xFF) + 0.0722 * (argb & 0xFF);
        return a * lum + (1 - a) * under;
    }

    /** A node's bounds in the exported picture of {@code exported}: the caption sits above it. */
    private static int[] pixelBounds(Node node, StepView exported, BufferedImage image, int scale) {
        Bounds b = exported.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        int captionHeight = image.getHeight() - (int) Math.round(exported.getHeight() * scale);
        return new int[] {(int) Math.ceil(b.getMinX() * scale), captionHeight + (int) Math.ceil(b.getMinY() * scale),
                (int) Math.floor(b.getMaxX() * scale), captionHeight + (int) Math.floor(b.getMaxY() * scale)};
    }

    @Test
    void aTransparentSlideIsTransparentToo(FxRobot robot, @TempDir Path dir) throws Exception {
        for (Theme theme : Theme.values()) {
            BufferedImage clear = export(robot, dir.resolve(theme + "-clear.png"), theme, 1, PngExport.Background.TRANSPARENT, null);
            // The window's own background: the bottom corner below the panels, and the gap between two of them.
            assertEquals(0, alpha(clear, clear.getWidth() - 2, clear.getHeight() - 2), theme + ": corner");
            assertEquals(0, alpha(clear, clear.getWidth() / 2, clear.getHeight() - 3), theme + ": bottom edge");
            BufferedImage opaque = export(robot, dir.resolve(theme + ".png"), theme, 1, PngExport.Background.WHITE, null);
            assertEquals(255, alpha(opaque, opaque.getWidth() - 2, opaque.getHeight() - 2), theme + ": an opaque slide");
        }
    }

    @Test
    void darkAndTransparentStaysReadableOnAWhiteSlideAndOnADarkOne(FxRobot robot, @TempDir Path dir) throws Exception {
        BufferedImage f1 = export(robot, dir.resolve("f1.png"), Theme.DARK, 2, PngExport.Background.TRANSPARENT, view.weightedSum());
        // Inside the panel's border, on white: the dark theme's text is light, so only a halo makes dark pixels.
        int darkOnWhite = 0;
        int lightOnBlack = 0;
        int margin = 24;
        for (int y = margin; y < f1.getHeight() - margin; y++) {
            for (int x = margin; x < f1.getWidth() - margin; x++) {
                darkOnWhite += over(f1, x, y, 255) < 90 ? 1 : 0;
                lightOnBlack += over(f1, x, y, 0) > 200 ? 1 : 0;
            }
        }
        // Measured: about 32,000 with the halo, 4,000 (the coloured token names) without it.
        assertTrue(darkOnWhite > 15_000, "text outlined on a white slide: " + darkOnWhite + " dark pixels");
        assertTrue(lightOnBlack > 5_000, "and still light on a dark one: " + lightOnBlack + " light pixels");
    }

    @Test
    void aTransparentTokenTableHasNoDarkFill(FxRobot robot, @TempDir Path dir) throws Exception {
        int scale = 2;
        BufferedImage tokens = export(robot, dir.resolve("tokens.png"), Theme.DARK, scale, PngExport.Background.TRANSPARENT,
                view.tokens());
        Node table = view.tokens().lookup(".token-table");
        int[] t = pixelBounds(table, view.tokens(), tokens, scale);
        // Below the five rows the table is empty: nothing is drawn there but the column lines.
        int emptyY = t[3] - 6 * scale;
        int fromX = t[0] + 6 * scale;
        int column = (int) Math.floor(((javafx.scene.control.TableView<?>) table).getColumns().get(0).getWidth() * scale);
        for (int x = fromX; x < t[0] + column - 6 * scale; x += 3) {
            assertEquals(0, alpha(tokens, x, emptyY), "empty table area at x " + x);
        }
        // A context row keeps a see-through tint, not the dark theme's opaque navy.
        for (Node n : view.tokens().lookupAll(".table-row-cell")) {
            if (n.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("in-context"))
                    && !((TableRow<?>) n).isEmpty()) {
                int[] row = pixelBounds(n, view.tokens(), tokens, scale);
                int y = (row[1] + row[3]) / 2;
                int x = t[0] + column - 4 * scale; // the token column's right end, past the word
                int a = alpha(tokens, x, y);
                assertTrue(a > 0 && a < 128, "tint alpha " + a);
                return;
            }
        }
        throw new AssertionError("no context row");
    }

    /** Pairs of neighbouring pixels, inside the plot, whose luminance jumps by more than half the range. */
    private static int sharpSteps(BufferedImage image, int[] area) {
        int steps = 0;
        for (int y = area[1]; y < area[3]; y++) {
            for (int x = area[0]; x + 1 < area[2]; x++) {
                steps += Math.abs(over(image, x, y, 255) - over(image, x + 1, y, 255)) > 128 ? 1 : 0;
            }
        }
        return steps;
    }

    @Test
    void theScatterIsDrawnAtTheExportScaleNotBlownUp(FxRobot robot, @TempDir Path dir) throws Exception {
        Node plot = view.scatter().lookup(".chart-canvas");
        BufferedImage one = export(robot, dir.resolve("1.png"), Theme.LIGHT, 1, PngExport.Background.WHITE, view.scatter());
        int atOne = sharpSteps(one, pixelBounds(plot, view.scatter(), one, 1));
        for (int scale = 2; scale <= 3; scale++) {
            BufferedImage big = export(robot, dir.resolve(scale + ".png"), Theme.LIGHT, scale, PngExport.Background.WHITE,
                    view.scatter());
            int steps = sharpSteps(big, pixelBounds(plot, view.scatter(), big, scale));
            // Edges drawn at the scale stay one pixel sharp and are `scale` times longer; a 1× bitmap
            // blown up spreads each edge over `scale` pixels and leaves almost no sharp step.
            assertTrue(steps > atOne * (scale - 0.5), scale + "×: " + steps + " sharp steps, 1×: " + atOne);
        }
    }

    /** WCAG contrast ratio of two colours. */
    private static double contrast(Color a, Color b) {
        double la = relative(a);
        double lb = relative(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double relative(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    @Test
    void theDarkSearchHintIsReadable(FxRobot robot) {
        robot.interact(() -> {
            presenter.setTheme(Theme.DARK);
            view.applyCss();
            view.layout();
        });
        TextField search = (TextField) view.lookup("#search");
        Text hint = search.lookupAll("Text").stream().filter(Text.class::isInstance).map(Text.class::cast)
                .filter(t -> search.getPromptText().equals(t.getText())).findFirst().orElseThrow();
        Color field = Color.web("#1D2025"); // dark.css: -fx-control-inner-background
        double ratio = contrast((Color) hint.getFill(), field);
        assertTrue(ratio >= 4.5, "hint contrast " + ratio);
    }

    @Test
    void theLessonPickerShowsTitlesNotIds(FxRobot robot) {
        ComboBox<?> picker = (ComboBox<?>) view.lookup("#lesson-picker");
        assertEquals("part3-en", picker.getValue());
        // Issue 17: the toolbar's picker names the part; its tooltip and its list carry the whole title.
        assertEquals("Part 3", picker.getButtonCell().getText());
        assertEquals(presenter.getLesson().title(), picker.getButtonCell().getTooltip().getText());
        assertTrue(picker.getButtonCell().getText().startsWith("Part 3"), picker.getButtonCell().getText());
    }

    @Test
    void theProjectorThemesFiveRowTableNeedsNoScrollbar(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> {
            presenter.load(BuiltInLessons.load("part2-en"), "part2-en");
            presenter.setRevealAll(true);
            List<Step> path = presenter.path();
            presenter.goTo(path.get(path.size() - 2)); // as export lays it out: the sample step
        });
        BufferedImage tokens = export(robot, dir.resolve("tokens.png"), Theme.PROJECTOR, 1, PngExport.Background.WHITE,
                view.tokens());
        for (Node bar : view.tokens().lookupAll(".scroll-bar")) {
            if (bar instanceof javafx.scene.control.ScrollBar s && s.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                assertTrue(!s.isVisible(), "a vertical scrollbar on five rows");
            }
        }
        assertTrue(tokens.getHeight() > 0);
    }
}
