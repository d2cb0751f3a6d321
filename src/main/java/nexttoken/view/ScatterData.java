package nexttoken.view;

import java.util.List;
import java.util.Locale;
import nexttoken.presenter.Theme;
import nexttoken.report.AttentionPanels;

/**
 * What the embedding scatter draws, taken from the session by its view: the chart reads this and
 * nothing else, so the same chart can sit in the window, an export or a preview.
 *
 * @param context     the context's vocabulary indices, ringed and named
 * @param sampled     the sampled token, or −1
 * @param highlighted the token a search found, or −1
 * @param arrow       h's arrow for an attention lesson once h is computed, or null
 * @param winnerShown whether the token pointing most along h is ringed (f2's step revealed)
 * @param mayDrag     whether a drag may move a point now (the panel's step is revealed)
 * @param zoom        the window's zoom, and {@code locale} the language: both change what the labels say or how big
 */
record ScatterData(nexttoken.model.Vocabulary vocabulary, List<Integer> context, int sampled, int highlighted,
                   AttentionPanels.Arrow arrow, boolean winnerShown, boolean mayDrag, Theme theme, double zoom,
                   Locale locale) {

    ScatterData {
        context = List.copyOf(context);
    }

    /**
     * The sampled token when the chart draws it with the others (it labels every token, or this
     * one is in the context or highlighted); otherwise −1, and the chart marks it apart.
     */
    int sampledOnChart() {
        if (sampled < 0) {
            return -1;
        }
        boolean labelled = vocabulary.size() <= EmbeddingScatterChart.MAX_LABELLED || context.contains(sampled)
                || sampled == highlighted;
        return labelled ? sampled : -1;
    }

    /**
     * Whether {@code other} draws the same chart beneath the sampled token's mark: a slider move
     * that only changes the draw leaves 100,000 points as they are.
     */
    boolean sameChart(ScatterData other) {
        return vocabulary == other.vocabulary && context.equals(other.context)
                && sampledOnChart() == other.sampledOnChart() && highlighted == other.highlighted
                && java.util.Objects.equals(arrow, other.arrow) && winnerShown == other.winnerShown
                && theme == other.theme && Double.compare(zoom, other.zoom) == 0 && locale.equals(other.locale);
    }
}
