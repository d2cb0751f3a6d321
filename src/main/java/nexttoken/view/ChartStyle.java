package nexttoken.view;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * Colours and type for what is drawn on a Canvas, where CSS does not reach. Sized for a
 * projector: labels at 18 px, lines at 2 px.
 */
public record ChartStyle(Color text, Color axis, Color grid, Color highlight, Font label, Font labelBold, Font small,
                         double pointRadius, double lineWidth, Color background) {

    /**
     * A style at a root font size, in a theme's colours; labels are 1.125 em like the bar
     * labels CSS draws. {@code heavy} (the projector theme) thickens every line.
     */
    public static ChartStyle of(double rootFontSize, Color text, Color muted, Color grid, Color background,
                                boolean heavy) {
        double label = rootFontSize * 1.125;
        return new ChartStyle(text, muted, grid, text,
                Font.font("System", label), Font.font("System", FontWeight.BOLD, label),
                Font.font("System", rootFontSize * 0.875), rootFontSize * 0.56, heavy ? 3.5 : 2, background);
    }
}
