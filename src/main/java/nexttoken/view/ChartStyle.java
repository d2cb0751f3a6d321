package nexttoken.view;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * Colours and type for what is drawn on a Canvas, where CSS does not reach. Sized for a
 * projector: labels at 18 px, lines at 2 px.
 */
public record ChartStyle(Color text, Color axis, Color grid, Color highlight, Font label, Font labelBold, Font small,
                         double pointRadius, double lineWidth) {

    /** The light style at a root font size: labels are 1.125 em, like the bar labels drawn by CSS. */
    public static ChartStyle light(double rootFontSize) {
        double label = rootFontSize * 1.125;
        return new ChartStyle(
                Color.web("#1A1A1A"), Color.web("#444444"), Color.web("#D8D8D8"), Color.web("#1A1A1A"),
                Font.font("System", label), Font.font("System", FontWeight.BOLD, label),
                Font.font("System", rootFontSize * 0.875), rootFontSize * 0.56, 2);
    }
}
