package nexttoken.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nexttoken.model.FilterStep;
import nexttoken.model.Lesson;
import nexttoken.model.NormalizationStep;
import nexttoken.model.Normalization;
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
        root.put("input", t.input().kind().fileName());
        numbers(root.putArray("x"), t.input().x());
        ObjectNode f1 = root.putObject("f1");
        numbers(f1.putArray("weights"), t.f1().weights());
        numbers(f1.putArray("terms"), t.f1().terms());
        f1.put("value", t.f1().value());
        ObjectNode prediction;
        if (t.lookup() != null) {
            prediction = root.putObject("prediction");
            prediction.put("lookup", v.token(t.lookup().index()));
            prediction.put("id", t.lookup().id());
            prediction.put("exact", t.lookup().exact());
        } else {
            ObjectNode f2 = root.putObject("f2");
            numbers(f2.putArray("weights"), t.f2().weights());
            numbers(f2.putArray("logits"), t.f2().logits());
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
            prediction = root.putObject("prediction");
            prediction.put("greedy", v.token(t.greedyIndex()));
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
        private final ReportSink sink;
        private final Vocabulary v;

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
                sink.paragraph(m.format("report.tokens.many", v.size()));
            }

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

            sink.section("f2", m.get("report.step.f2"));
            sink.equation(f.f2Equation(t));

            NormalizationStep n = t.normalization();
            sink.section("normalize", m.get(n.method() == Normalization.NORM ? "report.step.norm" : "report.step.softmax"));
            sink.equation(f.normalizationEquation(t));
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
                    filter.kept().size(), v.size()));
            List<List<String>> probabilityRows = new ArrayList<>();
            int[] shown = nexttoken.model.Ranking.mostProbable(t.f2(), TOP_ROWS);
            for (int i : v.size() <= MAX_ROWS ? java.util.stream.IntStream.range(0, v.size()).toArray() : shown) {
                double p = n.probabilities().get(i);
                probabilityRows.add(List.of(v.token(i), f.number(t.f2().logits().get(i)), f.probability(p),
                        NumberText.percent(p, Locale.ROOT),
                        filter.kept().contains(i) ? f.probability(filter.probabilities().get(i)) : m.get("report.dropped")));
            }
            sink.table(List.of(m.get("report.column.token"), m.get("report.column.logit"), m.get("report.column.probability"),
                    "%", m.get("report.column.kept")), probabilityRows);
            if (v.size() > MAX_ROWS) {
                sink.paragraph(m.format("report.tail", v.size() - shown.length,
                        NumberText.percent(nexttoken.model.Ranking.tail(n.probabilities(), shown), Locale.ROOT)));
            }

            sink.section("sample", m.get("report.step.prediction"));
            sink.paragraph(m.format("report.greedy", v.token(t.greedyIndex()),
                    NumberText.percent(filter.probabilities().get(t.greedyIndex()), Locale.ROOT)));
            if (samples != null) {
                StringBuilder counts = new StringBuilder();
                for (int i : v.size() <= MAX_ROWS ? java.util.stream.IntStream.range(0, v.size()).toArray() : shown) {
                    counts.append(i == 0 ? "" : ", ").append(v.token(i)).append(' ').append(samples.counts()[i]);
                }
                sink.paragraph(m.format("report.samples", samples.n(), samples.seed(), counts));
            }
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
