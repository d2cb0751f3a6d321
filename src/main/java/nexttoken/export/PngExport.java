package nexttoken.export;

import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import nexttoken.io.AtomicFiles;

/**
 * PNG images of what is on screen, crisp at 1×, 2× or 3×, with a caption line that says
 * which view and which settings they show. Runs on the FX thread.
 */
public final class PngExport {
    public static final int DEFAULT_SCALE = 2;

    public enum Background { WHITE, TRANSPARENT }

    public record Options(int scale, Background background) {
        public Options {
            if (scale < 1 || scale > 3) {
                throw new IllegalArgumentException("scale must be 1, 2 or 3");
            }
        }
    }

    private PngExport() {
    }

    /** A view that draws pixels itself (a Canvas) and can draw them at the export's scale. */
    public interface DrawsAtExportScale {
        void setExportScale(int scale);
    }

    private static void setExportScale(Node node, int scale) {
        if (node instanceof DrawsAtExportScale d) {
            d.setExportScale(scale);
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> setExportScale(child, scale));
        }
    }

    /**
     * The node as drawn, with a caption line above it. The node must be in a scene that
     * has been laid out (a shown window, or an offscreen one for the command line).
     */
    public static WritableImage render(Node node, String caption, Options options) {
        boolean transparent = options.background() == Background.TRANSPARENT;
        // A picture for a slide has no buttons to press and no "you are here" outline.
        node.getStyleClass().add("exporting");
        if (transparent) {
            node.getStyleClass().add("export-transparent");
        }
        node.applyCss();
        setExportScale(node, options.scale());
        WritableImage body;
        try {
            body = snapshot(node, options);
        } finally {
            setExportScale(node, 1);
            node.getStyleClass().removeAll("export-transparent", "exporting");
            node.applyCss();
        }
        if (caption == null || caption.isEmpty()) {
            return body;
        }
        WritableImage line = snapshot(captionNode(node, caption, body.getWidth() / options.scale(), transparent), options);
        int width = (int) body.getWidth();
        int height = (int) (line.getHeight() + body.getHeight());
        WritableImage out = new WritableImage(width, height);
        PixelWriter w = out.getPixelWriter();
        if (!transparent) {
            for (int y = 0; y < line.getHeight(); y++) {
                for (int x = 0; x < width; x++) {
                    w.setArgb(x, y, 0xFFFFFFFF);
                }
            }
        }
        copy(line.getPixelReader(), w, 0, (int) Math.min(line.getWidth(), width), (int) line.getHeight());
        copy(body.getPixelReader(), w, (int) line.getHeight(), width, (int) body.getHeight());
        return out;
    }

    private static WritableImage snapshot(Node node, Options options) {
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(options.scale(), options.scale()));
        params.setFill(options.background() == Background.TRANSPARENT ? Color.TRANSPARENT : Color.WHITE);
        return node.snapshot(params, null);
    }

    /** A caption in the same stylesheets and type size as the view, the width of the view. */
    private static Node captionNode(Node like, String caption, double width, boolean transparent) {
        Label label = new Label(caption);
        label.getStyleClass().add("export-caption");
        label.setWrapText(true);
        label.setPrefWidth(width);
        label.setMaxWidth(width);
        label.setPadding(new Insets(4, 8, 6, 8));
        StackPane root = new StackPane(label);
        // The root's type size, without its fill: the snapshot's fill decides white or transparent.
        root.setStyle((like.getScene() == null ? "" : like.getScene().getRoot().getStyle())
                + "-fx-background-color: transparent;");
        root.getStyleClass().add("root");
        if (transparent) {
            root.getStyleClass().add("export-transparent"); // the same halo as the view's own text
        }
        Scene scene = new Scene(root, Color.TRANSPARENT);
        if (like.getScene() != null) {
            scene.getStylesheets().setAll(like.getScene().getStylesheets());
        }
        root.applyCss();
        root.resize(width, root.prefHeight(width));
        root.layout();
        return root;
    }

    private static void copy(PixelReader from, PixelWriter to, int top, int width, int height) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                to.setArgb(x, top + y, from.getArgb(x, y));
            }
        }
    }

    /** Writes atomically: the final name never holds half a PNG, whatever fails. */
    public static void write(WritableImage image, Path file) throws IOException {
        var buffered = SwingFXUtils.fromFXImage(image, null);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(buffered, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /** "part3-logits.png": the lesson (built-in id or file name) and the view. */
    public static String fileName(String lessonName, String viewName) {
        return lessonName + "-" + viewName + ".png";
    }

    /** A name for files from a lesson source: the built-in id, or the file name without .json. */
    public static String lessonName(String source) {
        String name = Path.of(source).getFileName().toString();
        if (name.endsWith(".json")) {
            name = name.substring(0, name.length() - 5);
        }
        String safe = name.replaceAll("[^\\p{L}\\p{N}._-]+", "_");
        return safe.isEmpty() ? "lesson" : safe;
    }
}
