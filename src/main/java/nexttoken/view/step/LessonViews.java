package nexttoken.view.step;

import java.util.List;
import nexttoken.model.LessonKind;
import nexttoken.model.Normalization;
import nexttoken.presenter.Step;
import nexttoken.view.Texts;

/**
 * The one table of what each kind of lesson shows: which views in which rows (the window,
 * export and a preview all read it) and the composition the formula bar spells out. A new
 * kind adds a case to each switch; the switches have no default, so the compiler finds them.
 */
public final class LessonViews {

    /** The step views a lesson can show. */
    public enum ViewId { TOKENS, WEIGHTED_SUM, LOOKUP, SCATTER, LOGITS, DISTRIBUTION }

    /** A view and its share of the row's width, in percent. */
    public record Cell(ViewId view, double widthPercent) {
    }

    /** A row of views and its share of the grid's height, in percent. */
    public record Row(double heightPercent, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** One piece of the composition: a function that is a step, or a bracket (step null). */
    public record Term(String text, Step step) {
    }

    private LessonViews() {
    }

    public static List<Row> rows(LessonKind kind) {
        return switch (kind) {
            case LOOKUP -> List.of(
                    row(50, cell(ViewId.TOKENS, 40), cell(ViewId.WEIGHTED_SUM, 60)),
                    row(50, cell(ViewId.LOOKUP, 100)));
            case IDS -> List.of(
                    row(44, cell(ViewId.TOKENS, 40), cell(ViewId.WEIGHTED_SUM, 60)),
                    row(56, cell(ViewId.LOGITS, 40), cell(ViewId.DISTRIBUTION, 60)));
            // f1's table of terms is the widest of the three (two numbers and a product per
            // dimension); the scatter reads well narrower.
            case EMBEDDINGS -> List.of(
                    row(50, cell(ViewId.TOKENS, 33), cell(ViewId.WEIGHTED_SUM, 37), cell(ViewId.SCATTER, 30)),
                    row(50, cell(ViewId.LOGITS, 36), cell(ViewId.DISTRIBUTION, 64)));
            // Attention lessons have no views yet: LessonModel opens none in a window and export
            // refuses them, so no window lays this kind out.
            case ATTENTION -> List.of();
        };
    }

    /** The views of a kind in reading order (row by row, left to right): the order of an export. */
    public static List<ViewId> inReadingOrder(LessonKind kind) {
        return rows(kind).stream().flatMap(r -> r.cells().stream()).map(Cell::view).toList();
    }

    /** The composition the lesson computes, outermost function first: "norm(f2(f1(x)))". */
    public static List<Term> formula(LessonKind kind, Normalization normalization, Texts texts) {
        List<Term> inner = List.of(new Term("f1", Step.F1), new Term("(", null), new Term("x", Step.INPUT));
        return switch (kind) {
            case LOOKUP -> concat(List.of(new Term(texts.get("formula.lookup"), Step.LOOKUP), new Term("(", null)),
                    inner, List.of(new Term("))", null)));
            case IDS, EMBEDDINGS -> concat(List.of(
                            new Term(normalization == Normalization.NORM ? "norm" : "softmax", Step.NORMALIZE),
                            new Term("(", null), new Term("f2", Step.F2), new Term("(", null)),
                    inner, List.of(new Term(")))", null)));
            // softmax(f2(h(attention(x + PE)))): attention and the feed-forward step take f1's place.
            case ATTENTION -> List.of(
                    new Term(normalization == Normalization.NORM ? "norm" : "softmax", Step.NORMALIZE),
                    new Term("(", null), new Term("f2", Step.F2), new Term("(", null),
                    new Term("h", Step.FEED_FORWARD), new Term("(", null),
                    new Term(texts.get("formula.attention"), Step.ATTENTION), new Term("(", null),
                    new Term("x + PE", Step.POSITIONS), new Term("))))", null));
        };
    }

    @SafeVarargs
    private static List<Term> concat(List<Term>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }

    private static Row row(double heightPercent, Cell... cells) {
        return new Row(heightPercent, List.of(cells));
    }

    private static Cell cell(ViewId view, double widthPercent) {
        return new Cell(view, widthPercent);
    }
}
