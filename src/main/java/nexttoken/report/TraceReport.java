package nexttoken.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nexttoken.model.Attention;
import nexttoken.model.AttentionStep;
import nexttoken.model.FilterStep;
import nexttoken.model.Matrix;
import nexttoken.model.Lesson;
import nexttoken.model.NormalizationStep;
import nexttoken.model.Normalization;
import nexttoken.model.Ranking;
import nexttoken.model.NumberText;
import nexttoken.model.Trace;
import nexttoken.model.Values;
import nexttoken.model.Vocabulary;

/** A complete trace written as JSON (the contract), plain text, or a markdown handout. */
public final class TraceReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Text and markdown list every token up to this many; past it, the top ones and the tail's sum (JSON lists all). */
    static final int MAX_ROWS = 30;
    static final int TOP_ROWS = 20;

    /** Counts of N seeded draws, for {@code --samples N}. */
    public record Samples(long seed, int n, int[] counts) {
    }

    private TraceReport() {
    }

    public static String json(Trace t, Samples samples) {
        Lesson lesson = t.lesson();
        Vocabulary v = lesson.vocabulary();
        ObjectNode root = JSON.createObjectNode();
        root.put("lesson", lesson.title() == null ? "" : lesson.title());
        ArrayNode vocabulary = root.putArray("vocabulary");
        v.tokens().forEach(vocabulary::add);
        ArrayNode prompt = root.putArray("prompt");
        t.context().text().forEach(prompt::add);
        ArrayNode context = root.putArray("context");
        t.context().context().forEach(context::add);
        root.put("input", lesson.input().fileName());
        if (t.attention() != null) {
            attentionJson(root, t.attention());
            numbers(root.putObject("f2").putArray("logits"), t.f2().logits());
            decodingJson(root, t);
        } else {
            numbers(root.putArray("x"), t.input().x());
            ObjectNode f1 = root.putObject("f1");
            numbers(f1.putArray("weights"), t.f1().weights());
            numbers(f1.putArray("terms"), t.f1().terms());
            f1.put("value", t.f1().value());
            if (t.lookup() != null) {
                ObjectNode prediction = root.putObject("prediction");
                prediction.put("lookup", v.token(t.lookup().index()));
                prediction.put("id", t.lookup().id());
                prediction.put("exact", t.lookup().exact());
            } else {
                ObjectNode f2 = root.putObject("f2");
                numbers(f2.putArray("weights"), t.f2().weights());
                numbers(f2.putArray("logits"), t.f2().logits());
                decodingJson(root, t);
            }
        }
        if (samples != null) {
            ObjectNode s = root.putObject("samples");
            s.put("seed", samples.seed());
            s.put("n", samples.n());
            ObjectNode counts = s.putObject("counts");
            for (int i = 0; i < v.size(); i++) {
                counts.put(v.token(i), samples.counts()[i]);
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** normalization, filter and the greedy prediction: the same for every lesson with f2. */
    private static void decodingJson(ObjectNode root, Trace t) {
        Vocabulary v = t.lesson().vocabulary();
        NormalizationStep n = t.normalization();
        ObjectNode norm = root.putObject("normalization");
        norm.put("method", n.method().fileName());
        norm.put("temperature", n.temperature());
        if (n.temperatureIgnored()) {
            norm.put("temperatureIgnored", true);
        }
        if (n.greedy()) {
            norm.put("greedy", true);
        }
        numbers(norm.putArray("probabilities"), n.probabilities());
        FilterStep f = t.filter();
        ObjectNode filter = root.putObject("filter");
        filter.put("topK", f.topK());
        filter.put("topP", f.topP());
        ArrayNode kept = filter.putArray("kept");
        f.kept().indices().forEach(i -> kept.add(v.token(i)));
        numbers(filter.putArray("probabilities"), f.probabilities());
        root.putObject("prediction").put("greedy", v.token(t.greedyIndex()));
    }

    /** The "attention", "feedForward" and "h" keys of contracts.md. */
    private static void attentionJson(ObjectNode root, AttentionStep a) {
        ObjectNode attention = root.putObject("attention");
        rows(attention.putArray("inputs"), a.inputs());
        if (a.positions() != null) {
            rows(attention.putArray("positions"), a.positions());
        }
        ArrayNode heads = attention.putArray("heads");
        for (AttentionStep.HeadStep head : a.heads()) {
            ObjectNode h = heads.addObject();
            rows(h.putArray("queries"), head.queries());
            rows(h.putArray("keys"), head.keys());
            rows(h.putArray("values"), head.values());
            ArrayNode scores = h.putArray("scores");
            head.scores().forEach(row -> numbers(scores.addArray(), row));
            ArrayNode weights = h.putArray("weights");
            head.weights().forEach(row -> numbers(weights.addArray(), row));
            numbers(h.putArray("output"), head.output());
        }
        numbers(attention.putArray("output"), a.output());
        numbers(attention.putArray("residual"), a.residual());
        if (a.feedForward() != null) {
            ObjectNode ff = root.putObject("feedForward");
            numbers(ff.putArray("hidden"), a.feedForward().hidden());
            numbers(ff.putArray("output"), a.feedForward().output());
        }
        numbers(root.putArray("h"), a.h());
    }

    private static void rows(ArrayNode array, Matrix m) {
        for (int r = 0; r < m.rows(); r++) {
            numbers(array.addArray(), m.rowValues(r));
        }
    }

    private static void numbers(ArrayNode array, Values values) {
        for (int i = 0; i < values.size(); i++) {
            array.add(values.get(i));
        }
    }

    public static String text(Trace t, Samples samples, Locale locale) {
        TextSink sink = new TextSink(new Messages(locale).locale(), false);
        write(t, samples, locale, sink);
        return sink.out.toString();
    }

    public static String markdown(Trace t, Samples samples, Locale locale) {
        TextSink sink = new TextSink(new Messages(locale).locale(), true);
        write(t, samples, locale, sink);
        return sink.out.toString();
    }

    /** The worked example, step by step, into any sink (the PDF handout is one). */
    public static void write(Trace t, Samples samples, Locale locale, ReportSink sink) {
        new Writer(t, samples, locale, sink).write();
    }

    /** Every sink hears the same things in the same order; only the markup differs. */
    private static final class Writer {
        private final Trace t;
        private final Samples samples;
        private final Messages m;
        private final Formulas f;
        private final Vocabulary v;
        private final ReportSink sink;

        Writer(Trace t, Samples samples, Locale locale, ReportSink sink) {
            this.t = t;
            this.samples = samples;
            this.m = new Messages(locale);
            this.f = new Formulas(locale, sink.typeset());
            this.sink = sink;
            this.v = t.lesson().vocabulary();
        }

        void write() {
            Lesson lesson = t.lesson();
            String title = lesson.title() == null ? m.get("report.untitled") : lesson.title();
            sink.heading(title);
            if (lesson.description() != null) {
                sink.description(lesson.description());
            }
            sink.paragraph(m.format("report.prompt", quoteWords(t.context().text()), quoteWords(t.context().context())));
            sink.section("tokens", m.get("report.step.tokens"));
            List<String> header = new ArrayList<>(List.of(m.get("report.column.token"), m.get("report.column.id")));
            if (v.hasEmbeddings()) {
                header.add(m.get("report.column.embedding"));
            }
            List<List<String>> rows = new ArrayList<>();
            // A real vocabulary has 100,000 rows: a handout lists the context's tokens only.
            java.util.stream.IntStream tokenRows = v.size() <= MAX_ROWS ? java.util.stream.IntStream.range(0, v.size())
                    : t.context().indices().stream().mapToInt(Integer::intValue).distinct();
            for (int i : tokenRows.toArray()) {
                List<String> row = new ArrayList<>(List.of(v.token(i), Integer.toString(v.id(i))));
                if (v.hasEmbeddings()) {
                    row.add("[" + f.list(v.embedding(i)) + "]");
                }
                rows.add(row);
            }
            sink.table(header, rows);
            if (v.size() > MAX_ROWS) {
                sink.paragraph(m.format("report.tokens.many", count(v.size())));
            }

            if (t.attention() != null) {
                attention();
            } else {
                sink.section("x", m.get("report.step.input"));
                sink.paragraph(m.get(t.input().kind() == nexttoken.model.InputKind.IDS ? "report.input.ids" : "report.input.embeddings"));
                sink.equation("x = [" + f.inputList(t) + "]");

                sink.section("f1", m.get("report.step.f1"));
                sink.equation(f.f1Equation(t));
                sink.paragraph(m.format("report.f1.terms", f.f1Terms(t), f.number(t.f1().value())));

                if (t.lookup() != null) {
                    sink.section("lookup", m.get("report.step.lookup"));
                    String token = v.token(t.lookup().index());
                    sink.paragraph(m.format(t.lookup().exact() ? "report.lookup.exact" : "report.lookup.nearest",
                            f.number(t.lookup().value()), t.lookup().id(), token));
                    return;
                }
            }

            // Past MAX_ROWS tokens the substitutions are written as the rule, not 100,000 times over:
            // the numbers themselves are in the table of the most probable tokens below (and all in JSON).
            boolean many = v.size() > MAX_ROWS;
            if (t.attention() == null) {
                sink.section("f2", m.get("report.step.f2"));
                sink.equation(many ? f.f2Rule(t) : f.f2Equation(t));
                if (many) {
                    sink.paragraph(m.format("report.f2.many", count(v.size())));
                }
            }

            NormalizationStep n = t.normalization();
            sink.section("normalize", m.get(n.method() == Normalization.NORM ? "report.step.norm" : "report.step.softmax"));
            sink.equation(many ? f.normalizationRule(t) : f.normalizationEquation(t));
            if (n.temperatureIgnored()) {
                sink.paragraph(m.format("report.norm.temperature", f.number(n.temperature())));
            } else if (n.greedy()) {
                sink.paragraph(m.get("report.softmax.greedy"));
            }

            FilterStep filter = t.filter();
            sink.section("filter", m.get("report.step.filter"));
            sink.paragraph(m.format("report.filter.settings",
                    filter.topK() == 0 ? m.get("report.off") : Integer.toString(filter.topK()),
                    filter.topP() >= 1 ? m.get("report.off") : f.number(filter.topP()),
                    count(filter.kept().size()), count(v.size())));
            List<List<String>> probabilityRows = new ArrayList<>();
            // A small lesson reads in vocabulary order, as the posts' tables; a large one, most probable first.
            int[] shown = many ? Ranking.inFallingOrder(Ranking.mostProbable(t.f2(), TOP_ROWS), t.f2().logits())
                    : java.util.stream.IntStream.range(0, v.size()).toArray();
            for (int i : shown) {
                double p = n.probabilities().get(i);
                probabilityRows.add(List.of(v.token(i), f.number(t.f2().logits().get(i)), f.probability(p),
                        NumberText.percent(p, Locale.ROOT),
                        filter.kept().contains(i) ? f.probability(filter.probabilities().get(i)) : m.get("report.dropped")));
            }
            sink.table(List.of(m.get("report.column.token"), m.get("report.column.logit"), m.get("report.column.probability"),
                    "%", m.get("report.column.kept")), probabilityRows);
            if (many) {
                sink.paragraph(m.format("report.tail", count(v.size() - shown.length),
                        NumberText.percent(Ranking.tail(n.probabilities(), shown), Locale.ROOT)));
            }

            sink.section("sample", m.get("report.step.prediction"));
            sink.paragraph(m.format("report.greedy", v.token(t.greedyIndex()),
                    NumberText.percent(filter.probabilities().get(t.greedyIndex()), Locale.ROOT)));
            if (samples != null) {
                List<String> counts = new ArrayList<>();
                int listed = 0;
                for (int i : shown) {
                    counts.add(v.token(i) + " " + samples.counts()[i]);
                    listed += samples.counts()[i];
                }
                if (many) {
                    counts.add(m.format("report.samples.others", count(v.size() - shown.length), samples.n() - listed));
                }
                sink.paragraph(m.format("report.samples", samples.n(), samples.seed(), String.join(", ", counts)));
            }
            return;
        }

        /** Positions, each head's q, k, v, scores and weights, W_O, the residual, the feed-forward, h and f2. */
        private void attention() {
            AttentionStep a = t.attention();
            Attention weights = t.lesson().attention();
            AttentionFormulas af = new AttentionFormulas(f);
            List<String> words = t.context().context();
            sink.section("positions", m.get("report.attention.inputs"));
            sink.paragraph(m.get("report.attention.positions." + weights.positions().fileName()));
            for (int j = 0; j < a.length(); j++) {
                sink.equation(af.input(a, words, j));
            }
            int last = a.length() - 1;
            for (int hIndex = 0; hIndex < a.heads().size(); hIndex++) {
                AttentionStep.HeadStep head = a.heads().get(hIndex);
                Attention.Head w = weights.heads().get(hIndex);
                sink.section("attention", m.format("report.attention.head", hIndex + 1, a.heads().size()));
                sink.paragraph(m.get("report.attention.qkv"));
                for (int j = 0; j < a.length(); j++) {
                    double[] x = a.inputs().row(j);
                    sink.equation(af.product("q", j, x, w.query(), head.queries().row(j), "Wq"));
                    sink.equation(af.product("k", j, x, w.key(), head.keys().row(j), "Wk"));
                    sink.equation(af.product("v", j, x, w.value(), head.values().row(j), "Wv"));
                }
                sink.paragraph(m.format("report.attention.scores", w.query().columns(), f.number(head.scale())));
                for (int i = 0; i < a.length(); i++) {
                    for (int j = 0; j <= i; j++) {
                        sink.equation(af.score(head, i, j));
                    }
                }
                sink.paragraph(m.get("report.attention.softmax"));
                for (int i = 0; i < a.length(); i++) {
                    sink.equation(af.weights(head, i));
                }
                sink.paragraph(m.format("report.attention.looks", words.get(last), looks(head.weights().get(last), words)));
                sink.equation(af.headOutput(head));
            }
            sink.section("heads", m.get("report.attention.output"));
            sink.paragraph(m.get(weights.output() == null ? "report.attention.concat" : "report.attention.wo"));
            sink.equation(af.output(weights, a));
            sink.equation(af.residual(weights, a));
            if (a.feedForward() != null) {
                sink.section("feedForward", m.get("report.attention.feedForward"));
                af.feedForward(weights, a).forEach(sink::equation);
            } else {
                sink.equation("h = r = " + af.vector(a.h()));
            }
            sink.section("f2", m.get("report.step.f2"));
            sink.paragraph(m.get(weights.tied() ? "report.attention.f2.tied" : "report.attention.f2.rows"));
            int[] tokens = v.size() <= MAX_ROWS ? java.util.stream.IntStream.range(0, v.size()).toArray()
                    : nexttoken.model.Ranking.mostProbable(t.f2(), TOP_ROWS);
            for (int i : tokens) {
                sink.equation(af.logit(t, i));
            }
        }

        /** "el 0.1164, cielo 0.5101, es 0.3735": where the last word's attention goes. */
        private String looks(Values weights, List<String> words) {
            StringBuilder out = new StringBuilder();
            for (int j = 0; j < weights.size(); j++) {
                out.append(j == 0 ? "" : ", ").append(words.get(j)).append(' ').append(f.probability(weights.get(j)));
            }
            return out.toString();
        }

        /** A count as the reader's language groups digits: 100,261 or 100.261. */
        private String count(int n) {
            return nexttoken.model.NumberText.count(n, m.locale());
        }

        private String quoteWords(List<String> words) {
            return "\"" + String.join(" ", words) + "\"";
        }
    }

    /** Plain text (headings underlined, columns padded) or markdown. */
    private static final class TextSink implements ReportSink {
        private final Locale locale;
        private final boolean markdown;
        private final StringBuilder out = new StringBuilder();

        TextSink(Locale locale, boolean markdown) {
            this.locale = locale;
            this.markdown = markdown;
        }

        @Override
        public void heading(String text) {
            heading(1, text);
        }

        @Override
        public void section(String stepId, String title) {
            heading(2, title);
        }

        /** The plain-text trace is for a terminal: the lesson's description is left to markdown. */
        @Override
        public void description(String text) {
            if (markdown) {
                paragraph(text);
            }
        }

        private void heading(int level, String text) {
            if (markdown) {
                out.append("#".repeat(level)).append(' ').append(text).append("\n\n");
            } else {
                out.append(level == 1 ? text.toUpperCase(locale) : text).append('\n');
                out.append((level == 1 ? "=" : "-").repeat(text.length())).append("\n\n");
            }
        }

        @Override
        public void paragraph(String text) {
            out.append(text).append("\n\n");
        }

        @Override
        public void equation(String text) {
            out.append(markdown ? "    " : "  ").append(text).append("\n\n");
        }

        @Override
        public void table(List<String> header, List<List<String>> rows) {
            if (markdown) {
                out.append("| ").append(String.join(" | ", header)).append(" |\n");
                out.append("|").append("---|".repeat(header.size())).append('\n');
                rows.forEach(r -> out.append("| ").append(String.join(" | ", r)).append(" |\n"));
                out.append('\n');
                return;
            }
            int[] widths = new int[header.size()];
            for (int c = 0; c < widths.length; c++) {
                widths[c] = header.get(c).length();
                for (List<String> r : rows) {
                    widths[c] = Math.max(widths[c], r.get(c).length());
                }
            }
            List<List<String>> all = new ArrayList<>();
            all.add(header);
            all.addAll(rows);
            for (List<String> r : all) {
                StringBuilder line = new StringBuilder("  ");
                for (int c = 0; c < r.size(); c++) {
                    line.append(String.format("%-" + widths[c] + "s", r.get(c))).append(c + 1 < r.size() ? "  " : "");
                }
                out.append(line.toString().stripTrailing()).append('\n');
            }
            out.append('\n');
        }
    }
}
