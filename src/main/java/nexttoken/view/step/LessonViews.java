package nexttoken.view.step;

import java.util.List;
import nexttoken.model.LessonKind;
import nexttoken.model.Normalization;
import nexttoken.presenter.Step;
import nexttoken.presenter.StepPaths;
import nexttoken.view.Texts;

/**
 * The one table of what each kind of lesson shows: which views in which rows (the window,
 * export and a preview all read it) and the composition the formula bar spells out. A new
 * kind adds a case to each switch; the switches have no default, so the compiler finds them.
 */
public final class LessonViews {

    /** The step views a lesson can show. */
    public enum ViewId {
        TOKENS, WEIGHTED_SUM, LOOKUP, SCATTER, LOGITS, DISTRIBUTION,
        /** Attention lessons: the position vectors and x = embedding + PE. */
        POSITIONS,
        /** Attention lessons: the causal grid of who looks at whom, one head at a time. */
        ATTENTION_MAP,
        /** Attention lessons: each word's q, k and v with the products written out. */
        QKV,
        /** Attention lessons: each head's weighted sum for the last word, W_O and the residual. */
        HEAD_OUTPUTS,
        /** Attention lessons: z, ReLU (the cut units marked), f and h. */
        FEED_FORWARD
    }

    /** A view and its share of the row's width, in percent. */
    public record Cell(ViewId view, double widthPercent) {
    }

    /** A row of views and its share of the grid's height, in percent. */
    public record Row(double heightPercent, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /**
     * One screenful of the grid: the rows it shows while the walk is at one of {@code steps}.
     * Lessons of parts 1 to 5 have one stage for their whole path; an attention lesson has
     * more views than a 1024×768 projector can show large at once, so it has two.
     */
    public record Stage(List<Step> steps, List<Row> rows) {
        public Stage {
            steps = List.copyOf(steps);
            rows = List.copyOf(rows);
        }

        /** The views of this stage, row by row, left to right. */
        public List<ViewId> views() {
            return rows.stream().flatMap(r -> r.cells().stream()).map(Cell::view).toList();
        }
    }

    /** One piece of the composition: a function that is a step, or a bracket (step null). */
    public record Term(String text, Step step) {
    }

    private LessonViews() {
    }

    /** The stages of a kind, in the order of its path; every step of the path is in exactly one. */
    public static List<Stage> stages(LessonKind kind) {
        return switch (kind) {
            case LOOKUP, IDS, EMBEDDINGS -> List.of(new Stage(StepPaths.of(kind), singleStageRows(kind)));
            // A 1024×768 projector cannot show nine views large at once, so an attention lesson has
            // four stages, each view as large as its numbers need (ScreenReadingUiTest reads every
            // step in every theme). 1, where the words come from: the vocabulary and x = embedding + PE
            // at full height (part 7's seven tokens in the projector's type). 2, the attention step:
            // q, k and v written out over the map they make, the scatter beside it (drag an embedding
            // and watch the map move). 3, the heads' sums and the feed-forward step at full height.
            // 4, the next word: the logits across the whole width (a small vocabulary shows every
            // bar, and part 7's seven values such as −0.05296 are cut at 56 % and 64 % of 1024 px);
            // under them the scatter, where with tied f2 the winner is the word along h (its token
            // names kept clear of the axes and of h's name), beside the distribution.
            case ATTENTION -> List.of(
                    new Stage(List.of(Step.TOKENS, Step.POSITIONS), List.of(
                            row(100, cell(ViewId.TOKENS, 34), cell(ViewId.POSITIONS, 66)))),
                    new Stage(List.of(Step.ATTENTION), List.of(
                            row(46, cell(ViewId.QKV, 100)),
                            row(54, cell(ViewId.ATTENTION_MAP, 60), cell(ViewId.SCATTER, 40)))),
                    new Stage(List.of(Step.HEADS, Step.FEED_FORWARD), List.of(
                            row(100, cell(ViewId.HEAD_OUTPUTS, 50), cell(ViewId.FEED_FORWARD, 50)))),
                    new Stage(List.of(Step.F2, Step.NORMALIZE, Step.FILTER, Step.SAMPLE, Step.APPEND), List.of(
                            row(46, cell(ViewId.LOGITS, 100)),
                            row(54, cell(ViewId.SCATTER, 35), cell(ViewId.DISTRIBUTION, 65)))));
        };
    }

    /**
     * The stages of this lesson: its kind's, except that an attention lesson without a
     * feed-forward step (part 6) gives the heads the whole width — an empty panel beside them
     * would only say h = r, which the heads' view writes at its end.
     */
    public static List<Stage> stages(nexttoken.model.Lesson lesson) {
        List<Stage> all = stages(lesson.kind());
        if (lesson.kind() != LessonKind.ATTENTION || StepPaths.of(lesson).contains(Step.FEED_FORWARD)) {
            return all;
        }
        return all.stream().map(s -> s.views().contains(ViewId.FEED_FORWARD)
                ? new Stage(s.steps(), List.of(row(100, cell(ViewId.HEAD_OUTPUTS, 100))))
                : s).toList();
    }

    /** The stage the grid shows this lesson at {@code step}; the first one for a step it does not walk. */
    public static Stage stageAt(nexttoken.model.Lesson lesson, Step step) {
        List<Stage> all = stages(lesson);
        return all.stream().filter(s -> s.steps().contains(step)).findFirst().orElse(all.get(0));
    }

    /** The stage the grid shows at {@code step}; the first one for a step the kind does not walk. */
    public static Stage stageAt(LessonKind kind, Step step) {
        List<Stage> all = stages(kind);
        return all.stream().filter(s -> s.steps().contains(step)).findFirst().orElse(all.get(0));
    }

    private static List<Row> singleStageRows(LessonKind kind) {
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
                    row(50, cell(ViewId.LOGITS, 44), cell(ViewId.DISTRIBUTION, 56)));
            case ATTENTION -> throw new IllegalArgumentException("attention lessons have stages");
        };
    }

    /**
     * The views of a kind in reading order (stage by stage, row by row, left to right), each
     * once: the order of an export.
     */
    public static List<ViewId> inReadingOrder(LessonKind kind) {
        return stages(kind).stream().flatMap(s -> s.views().stream()).distinct().toList();
    }

    /** The views of this lesson in reading order, each once: the order of its export. */
    public static List<ViewId> inReadingOrder(nexttoken.model.Lesson lesson) {
        return stages(lesson).stream().flatMap(s -> s.views().stream()).distinct().toList();
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

    /**
     * The composition of this lesson: its kind's, with each function whose step the lesson
     * does not walk pointing at the step before it (part 6 has no feed-forward step: its h is
     * r, which the heads' step shows).
     */
    public static List<Term> formula(nexttoken.model.Lesson lesson, Texts texts) {
        List<Step> path = StepPaths.of(lesson);
        List<Step> all = StepPaths.of(lesson.kind());
        return formula(lesson.kind(), lesson.normalization(), texts).stream().map(t -> {
            if (t.step() == null || path.contains(t.step())) {
                return t;
            }
            Step walked = t.step();
            while (!path.contains(walked)) {
                walked = all.get(all.indexOf(walked) - 1);
            }
            return new Term(t.text(), walked);
        }).toList();
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
