package nexttoken.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import nexttoken.app.NextTokenApp;
import nexttoken.export.PngExport;
import nexttoken.lesson.BuiltInLessons;
import nexttoken.model.InputKind;
import nexttoken.model.Lesson;
import nexttoken.model.Normalization;
import nexttoken.model.Values;
import nexttoken.model.Vocabulary;
import nexttoken.presenter.Presenter;
import nexttoken.presenter.Step;
import nexttoken.view.MainWindow;
import nexttoken.view.StepView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * `mvn -B -Pbench verify`: how fast the real main window follows a slider at 5 to 200,000
 * tokens, against stock JavaFX charts holding every token, measured the same way in the
 * same run; writes target/bench/report.json. Not part of `mvn verify`: times are reported,
 * never asserted.
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class BenchmarkTest {
    static final int UPDATES = Integer.getInteger("bench.updates", 300);
    /** Unrecorded updates first, so that the JIT has compiled the update path, as it has after a second of dragging. */
    static final int WARMUP = Integer.getInteger("bench.warmup", 1000);

    static {
        // JavaFX writes its pulse phases (CSS, layout, painting, presenting) as JFR events only
        // when the flight recorder is up before the toolkit starts: then a recording can time them.
        jdk.jfr.FlightRecorder.getFlightRecorder();
        // As the app sets them before its toolkit starts (this runs before TestFX starts it).
        NextTokenApp.renderSettings();
    }

    private Stage stage;
    private final Map<Integer, double[]> pulseWaits = new HashMap<>();
    /** The first updates of a case, before the JIT has compiled the update path: what the first second of a drag feels like. */
    static final int COLD = 100;
    private List<Sample> coldSamples = new ArrayList<>();
    private final Map<Integer, List<Sample>> coldByTokens = new HashMap<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** Times of one change: to the end of the pulse that lays it out, and to the frame that shows it. */
    /**
     * Times of one change: to the end of the pulse that lays it out, and to the frame that shows it;
     * and the update split in two: the change itself (the model and every view's listener) and the
     * pulse's CSS and layout passes.
     */
    record Sample(double updateMs, double frameMs, double changeMs, double layoutMs) {
    }

    @Test
    void benchmark() throws Exception {
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode report = json.createObjectNode();
        report.put("machine", machine());
        ObjectNode reference = report.putObject("reference_workload_ms");
        reference.put("before", ReferenceWorkload.ms());
        boolean firstFrame = Boolean.parseBoolean(System.getProperty("bench.firstFrame", "true"));
        report.put("first_frame_ms", firstFrame ? firstFrameMs() : -1);
        // Started as scripts/nexttoken and the app image start it: with the class archive `package` writes.
        Path archive = Path.of("target", "nexttoken.jsa");
        report.put("first_frame_class_archive_ms", firstFrame && Files.exists(archive)
                ? firstFrameMs("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off") : -1);
        ArrayNode cases = report.putArray("cases");
        ObjectNode heap = json.createObjectNode();
        for (int tokens : sizes("bench.sizes", "5,1000,10000,100000,200000")) {
            Lesson lesson = lessonOf(tokens);
            boolean profile = Boolean.parseBoolean(System.getProperty("bench.profile", "true")) && tokens == 100_000
                    || Boolean.getBoolean("bench.profileAll");
            Path profileFile = out.resolve("update-" + tokens + ".jfr");
            List<Sample> samples = measureNextToken(lesson, heap, tokens, profileFile, profile);
            if (profile) {
                report.set("profile_" + tokens, summarize(profileFile, json));
            }
            ObjectNode c = caseNode(json, "nexttoken", tokens, samples, lastCosts);
            c.set("frame_breakdown", FrameBreakdown.of(profileFile, json));
            c.set("wait_for_pulse_ms", percentiles(json, pulseWaits.get(tokens)));
            c.set("cold_update_ms", percentiles(json, coldByTokens.get(tokens).stream().mapToDouble(Sample::updateMs).toArray()));
            cases.add(c);
        }
        // The same drags with top-p 0.9 on, a filter that keeps most of a flat vocabulary: the
        // filter ranks what it keeps at every move, and this case times it in the window.
        for (int tokens : sizes("bench.topPSizes", "100000")) {
            Lesson lesson = lessonOf(tokens).withTopP(0.9);
            Path profileFile = out.resolve("update-" + tokens + "-top-p.jfr");
            List<Sample> samples = measureNextToken(lesson, json.createObjectNode(), tokens, profileFile, false);
            ObjectNode c = caseNode(json, "nexttoken, top-p 0.9", tokens, samples, lastCosts);
            c.set("frame_breakdown", FrameBreakdown.of(profileFile, json));
            cases.add(c);
        }
        for (int tokens : sizes("bench.stockSizes", "5,1000,10000")) {
            List<Sample> stock = measureStockCharts(synthetic(Math.max(tokens, 5)));
            cases.add(caseNode(json, "stock-charts", tokens, stock, lastCosts));
        }
        if (Boolean.parseBoolean(System.getProperty("bench.export", "true"))) {
            report.set("export_2x_ms", exportTimes(json));
        }
        if (Boolean.parseBoolean(System.getProperty("bench.attention", "true"))) {
            report.set("attention_100000_tied_model_update_ms", attentionModelUpdates(json));
        }
        if (Boolean.parseBoolean(System.getProperty("bench.poll", "true"))) {
            report.set("poll", PollBenchmark.run(json, stage));
        }
        if (Boolean.parseBoolean(System.getProperty("bench.presenter", "true"))) {
            report.set("presenter_screen_50_open_close_heap_mb", presenterScreenOpenClose(json));
        }
        report.set("heap_mb", heap);
        report.put("updates_per_case", UPDATES);
        reference.put("after", ReferenceWorkload.ms());
        Files.writeString(out.resolve("report.json"), json.writeValueAsString(report));
        System.out.println(json.writeValueAsString(report));
    }

    /** The sizes to run, from a system property (a comma list; empty for none): a quicker run while profiling. */
    private static int[] sizes(String property, String all) {
        String value = System.getProperty(property, all).trim();
        return value.isEmpty() ? new int[0] : Arrays.stream(value.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    }

    // ---- NextToken ------------------------------------------------------------------------

    /**
     * part3 at 5 tokens, synthetic lessons up to 100,000 (as the earlier reports measured them),
     * and at 200,000 the built-in o200k lesson: o200k_base's real tokens with seeded weights.
     */
    static Lesson lessonOf(int tokens) {
        if (tokens == 5) {
            return BuiltInLessons.load("part3");
        }
        if (tokens == 200_000) {
            return BuiltInLessons.load(nexttoken.lesson.GeneratedLessons.O200K_ID);
        }
        return synthetic(tokens);
    }

    /**
     * @param profileFile where a JFR recording of the measured updates (not the setup) goes: JavaFX's
     *                    pulse phases always, and with {@code profile} execution and allocation samples
     */
    private List<Sample> measureNextToken(Lesson lesson, ObjectNode heap, int tokens, Path profileFile, boolean profile)
            throws Exception {
        Presenter[] presenter = new Presenter[1];
        Scene[] scene = new Scene[1];
        onFx(() -> {
            presenter[0] = new Presenter(lesson, "bench", Locale.ENGLISH);
            MainWindow view = new MainWindow(presenter[0]);
            view.setControlsVisible(true);
            presenter[0].setRevealAll(true);
            presenter[0].goTo(Step.SAMPLE);
            scene[0] = NextTokenApp.createScene(view);
            show(scene[0]);
        });
        settle();
        Random random = new Random(tokens);
        Recording recording = startProfile(profile);
        IntConsumer drag = i -> {
            // Alternate the two sliders a class drags most: the temperature and one weight of f1.
            if (i % 2 == 0) {
                presenter[0].setTemperature(0.2 + random.nextDouble() * 3);
            } else {
                presenter[0].setF1Weight(i % presenter[0].getLesson().f1().size(), random.nextDouble() * 4 - 2);
            }
        };
        List<Sample> samples = measure(scene[0], drag);
        coldByTokens.put(tokens, coldSamples);
        stopProfile(recording, profileFile);
        pulseWaits.put(tokens, waitForPulse(scene[0], 60, drag));
        // After the updates, with the lesson still shown: the collections this takes shrink the
        // heap, and measured first they left the updates a heap a third the size the app grows.
        heap.put(Integer.toString(tokens), usedHeapMb());
        onFx(() -> scene[0].setRoot(new javafx.scene.layout.Pane()));
        return samples;
    }

    // ---- stock charts ---------------------------------------------------------------------

    /** BarChart of every logit and ScatterChart of every embedding, animation off: what one would build first. */
    private List<Sample> measureStockCharts(Lesson lesson) throws Exception {
        Scene[] scene = new Scene[1];
        List<XYChart.Data<String, Number>> bars = new ArrayList<>();
        double[] weights = lesson.f1().toArray();
        onFx(() -> {
            CategoryAxis x = new CategoryAxis();
            NumberAxis y = new NumberAxis();
            BarChart<String, Number> barChart = new BarChart<>(x, y);
            barChart.setAnimated(false);
            XYChart.Series<String, Number> logits = new XYChart.Series<>();
            double[] l = logits(lesson, weights);
            ObservableList<XYChart.Data<String, Number>> data = FXCollections.observableArrayList();
            for (int i = 0; i < l.length; i++) {
                XYChart.Data<String, Number> d = new XYChart.Data<>(lesson.vocabulary().token(i), l[i]);
                data.add(d);
                bars.add(d);
            }
            logits.setData(data);
            barChart.getData().add(logits);
            ScatterChart<Number, Number> scatter = new ScatterChart<>(new NumberAxis(), new NumberAxis());
            scatter.setAnimated(false);
            XYChart.Series<Number, Number> points = new XYChart.Series<>();
            ObservableList<XYChart.Data<Number, Number>> pointData = FXCollections.observableArrayList();
            Vocabulary v = lesson.vocabulary();
            for (int i = 0; i < v.size(); i++) {
                pointData.add(new XYChart.Data<>(v.embedding(i, 0), v.embedding(i, 1)));
            }
            points.setData(pointData);
            scatter.getData().add(points);
            HBox root = new HBox(barChart, scatter);
            HBox.setHgrow(barChart, Priority.ALWAYS);
            HBox.setHgrow(scatter, Priority.ALWAYS);
            scene[0] = new Scene(root);
            show(scene[0]);
        });
        settle();
        Random random = new Random(lesson.vocabulary().size());
        // At 10,000 bars one stock update takes seconds: fewer updates, and the report says how many.
        boolean slow = lesson.vocabulary().size() >= 10_000;
        int updates = slow ? Math.min(UPDATES, Integer.getInteger("bench.stock10k.updates", 30)) : UPDATES;
        // Stock charts at 1,000 tokens take a quarter of a second a frame: 300 warm-up updates
        // (each one ranks and lays out 1,000 bars, so its code is hot long before) keep the run short.
        int warmup = slow ? 5 : lesson.vocabulary().size() >= 1_000 ? Math.min(WARMUP, 300) : WARMUP;
        List<Sample> samples = measure(scene[0], updates, warmup, i -> {
            weights[i % weights.length] = random.nextDouble() * 4 - 2;
            double[] l = logits(lesson, weights);
            for (int k = 0; k < l.length; k++) {
                bars.get(k).setYValue(l[k]);
            }
        });
        onFx(() -> scene[0].setRoot(new javafx.scene.layout.Pane()));
        return samples;
    }

    /** f2(f1(x)) computed directly, so the stock charts are charged only for drawing. */
    private static double[] logits(Lesson lesson, double[] w1) {
        Vocabulary v = lesson.vocabulary();
        double s = 0;
        int d = v.embeddingLength();
        List<String> prompt = lesson.prompt();
        for (int t = 0; t < prompt.size(); t++) {
            int index = v.indexOf(prompt.get(t)).getAsInt();
            for (int c = 0; c < d; c++) {
                s += v.embedding(index, c) * w1[t * d + c];
            }
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s * lesson.f2().get(i);
        }
        return out;
    }

    // ---- measuring ------------------------------------------------------------------------

    /** What the last {@link #measure}'s recorded updates cost the collector. */
    private UpdateCosts.Result lastCosts;

    private List<Sample> measure(Scene scene, IntConsumer change) throws Exception {
        return measure(scene, UPDATES, WARMUP, change);
    }

    /**
     * Each change is made at the start of a pulse, by an AnimationTimer, as an animation or a
     * drag coalesced to the frame would make it; the same pulse lays it out (a post-layout pulse
     * listener marks the end of the update) and the renderer shows it (the scene's performance
     * tracker marks the frame). One change at a time. A change made between pulses (a
     * Platform.runLater) would also wait for the next tick of JavaFX's 60 Hz pulse timer,
     * 0 to 16.7 ms that depend on the timer's phase, not on the work; the report gives that
     * wait separately ({@code wait_for_pulse_ms}, measured with runLater on the same window).
     */
    private List<Sample> measure(Scene scene, int updates, int warmup, IntConsumer change) throws Exception {
        long[] marks = new long[5];
        CountDownLatch[] done = new CountDownLatch[1];
        boolean[] armed = new boolean[1];
        int[] pending = {-1};
        Runnable afterLayout = () -> {
            if (armed[0] && marks[1] == 0) {
                marks[1] = System.nanoTime();
            }
        };
        Runnable beforeLayout = () -> {
            if (armed[0] && marks[4] == 0) {
                marks[4] = System.nanoTime();
            }
        };
        javafx.animation.AnimationTimer atPulseStart = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                if (pending[0] < 0 || armed[0]) {
                    return;
                }
                marks[1] = 0;
                marks[2] = 0;
                marks[4] = 0;
                armed[0] = true;
                marks[0] = System.nanoTime();
                change.accept(pending[0]);
                marks[3] = System.nanoTime();
                pending[0] = -1;
            }
        };
        var tracker = com.sun.javafx.perf.PerformanceTracker.getSceneTracker(scene);
        onFx(() -> {
            scene.addPreLayoutPulseListener(beforeLayout);
            scene.addPostLayoutPulseListener(afterLayout);
            tracker.setOnRenderedFrameTask(() -> {
                if (armed[0] && marks[1] != 0) {
                    marks[2] = System.nanoTime();
                    armed[0] = false;
                    done[0].countDown();
                }
            });
            atPulseStart.start();
        });
        List<Sample> samples = new ArrayList<>();
        coldSamples = new ArrayList<>();
        long[] fxThread = new long[1];
        onFx(() -> fxThread[0] = Thread.currentThread().getId());
        UpdateCosts costs = null;
        for (int i = 0; i < warmup + updates; i++) {
            if (i == warmup) {
                costs = UpdateCosts.start(fxThread[0]);
            }
            done[0] = new CountDownLatch(1);
            int step = i;
            Platform.runLater(() -> pending[0] = step);
            if (!done[0].await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no frame within 60 s");
            }
            Sample sample = new Sample((marks[1] - marks[0]) / 1e6, (marks[2] - marks[0]) / 1e6,
                    (marks[3] - marks[0]) / 1e6, (marks[1] - marks[4]) / 1e6);
            if (i >= warmup) {
                samples.add(sample);
            } else if (i < COLD) {
                coldSamples.add(sample);
            }
        }
        lastCosts = costs.since(updates);
        onFx(() -> {
            atPulseStart.stop();
            scene.removePostLayoutPulseListener(afterLayout);
            scene.removePreLayoutPulseListener(beforeLayout);
            tracker.setOnRenderedFrameTask(null);
        });
        return samples;
    }

    /**
     * How long a change made between pulses waits for the next one: the same changes made
     * with Platform.runLater, timed from the end of the change to the start of the pulse.
     */
    private double[] waitForPulse(Scene scene, int updates, IntConsumer change) throws Exception {
        long[] marks = new long[2];
        CountDownLatch[] done = new CountDownLatch[1];
        boolean[] armed = new boolean[1];
        Runnable beforeLayout = () -> {
            if (armed[0]) {
                marks[1] = System.nanoTime();
                armed[0] = false;
                done[0].countDown();
            }
        };
        onFx(() -> scene.addPreLayoutPulseListener(beforeLayout));
        double[] waits = new double[updates];
        for (int i = 0; i < updates; i++) {
            done[0] = new CountDownLatch(1);
            int step = i;
            Platform.runLater(() -> {
                change.accept(step);
                marks[0] = System.nanoTime();
                armed[0] = true;
                Platform.requestNextPulse();
            });
            if (!done[0].await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no pulse within 60 s");
            }
            waits[i] = (marks[1] - marks[0]) / 1e6;
            Thread.sleep(7 * (i % 3)); // changes land at different phases of the pulse timer, as a person's would
        }
        onFx(() -> scene.removePreLayoutPulseListener(beforeLayout));
        return waits;
    }

    private void show(Scene scene) {
        stage.setScene(scene);
        stage.setWidth(1920);
        stage.setHeight(1080);
        stage.show();
    }

    private static void settle() throws Exception {
        for (int i = 0; i < 5; i++) {
            onFx(() -> { });
            Thread.sleep(100);
        }
    }

    static void onFx(Runnable r) throws Exception {
        CountDownLatch latch = new CountDownLatch(1);
        Throwable[] failure = new Throwable[1];
        Platform.runLater(() -> {
            try {
                r.run();
            } catch (Throwable t) {
                failure[0] = t;
            } finally {
                latch.countDown();
            }
        });
        if (!latch.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("FX thread stuck");
        }
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
    }

    private static ObjectNode caseNode(ObjectMapper json, String subject, int tokens, List<Sample> samples,
            UpdateCosts.Result costs) {
        ObjectNode c = json.createObjectNode();
        c.put("subject", subject);
        c.put("tokens", tokens);
        c.put("updates", samples.size());
        c.set("update_ms", percentiles(json, samples.stream().mapToDouble(Sample::updateMs).toArray()));
        c.set("frame_ms", percentiles(json, samples.stream().mapToDouble(Sample::frameMs).toArray()));
        double[] slowest = samples.stream().mapToDouble(Sample::updateMs).map(v -> -v).sorted().map(v -> round(-v)).limit(5).toArray();
        c.set("slowest_updates_ms", json.valueToTree(slowest));
        c.set("change_ms", percentiles(json, samples.stream().mapToDouble(Sample::changeMs).toArray()));
        c.set("css_layout_ms", percentiles(json, samples.stream().mapToDouble(Sample::layoutMs).toArray()));
        ObjectNode allocated = c.putObject("allocated_kb_per_update");
        allocated.put("fx_thread", round(costs.fxKbPerUpdate()));
        allocated.put("render_thread", round(costs.renderKbPerUpdate()));
        c.put("collections_during_updates", costs.collections());
        c.put("collection_ms_during_updates", costs.collectionMs());
        return c;
    }

    static ObjectNode percentiles(ObjectMapper json, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        ObjectNode p = json.createObjectNode();
        p.put("p50", round(sorted[(int) Math.floor(0.50 * (sorted.length - 1))]));
        p.put("p99", round(sorted[(int) Math.ceil(0.99 * (sorted.length - 1))]));
        return p;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    // ---- export, heap, first frame, machine -----------------------------------------------

    private static ObjectNode exportTimes(ObjectMapper json) throws Exception {
        ObjectNode times = json.createObjectNode();
        Map<String, Double> measured = new HashMap<>();
        onFx(() -> {
            Presenter presenter = new Presenter(BuiltInLessons.load("part3"), "part3", Locale.ENGLISH);
            presenter.setRevealAll(true);
            presenter.goTo(Step.SAMPLE);
            MainWindow view = new MainWindow(presenter);
            Scene scene = new Scene(view, 1440, 900);
            view.applyCss();
            view.layout();
            PngExport.Options options = new PngExport.Options(2, PngExport.Background.WHITE);
            for (int round = 0; round < 3; round++) {
                for (StepView v : view.visibleViews()) {
                    long t0 = System.nanoTime();
                    PngExport.render(v, v.exportCaption(), options);
                    measured.merge(v.exportName(), (System.nanoTime() - t0) / 1e6, Math::min);
                }
                long t0 = System.nanoTime();
                PngExport.render(view, null, options);
                measured.merge("slide", (System.nanoTime() - t0) / 1e6, Math::min);
            }
            scene.setRoot(new javafx.scene.layout.Pane());
        });
        measured.forEach((k, v) -> times.put(k, round(v)));
        return times;
    }

    /**
     * The presenter screen (its two windows) opened and closed 50 times beside the main
     * window showing part3: the heap after collection before and after, and what it grew.
     */
    private ObjectNode presenterScreenOpenClose(ObjectMapper json) throws Exception {
        MainWindow[] view = new MainWindow[1];
        onFx(() -> {
            Presenter presenter = new Presenter(BuiltInLessons.load("part3"), "part3", Locale.ENGLISH);
            view[0] = new MainWindow(presenter);
            show(NextTokenApp.createScene(view[0]));
        });
        settle();
        Runnable openAndClose = () -> view[0].presenterScreens().openPresenterScreen().close();
        // Three first, so that classes, caches and the first CSS pass are not counted as growth.
        for (int i = 0; i < 3; i++) {
            onFx(openAndClose);
            settle();
        }
        double before = usedHeapMb();
        for (int i = 0; i < 50; i++) {
            onFx(openAndClose);
            onFx(() -> { });
        }
        settle();
        double after = usedHeapMb();
        onFx(() -> stage.getScene().setRoot(new javafx.scene.layout.Pane()));
        ObjectNode heap = json.createObjectNode();
        heap.put("before", before);
        heap.put("after", after);
        heap.put("grown", round(after - before));
        return heap;
    }

    private static double usedHeapMb() throws InterruptedException {
        Runtime r = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            best = Math.min(best, r.totalMemory() - r.freeMemory());
        }
        return round(best / 1048576.0);
    }

    /** Process start to first rendered frame of `java [jvmOptions] -jar`, headless, best of three. */
    private static long firstFrameMs(String... jvmOptions) throws Exception {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(List.of(jvmOptions));
            command.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-Dheadless.geometry=1920x1080-32", "-Dnexttoken.bench.firstFrame=true",
                    "-jar", Path.of("target", "nexttoken.jar").toString()));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("first-frame-ms=")) {
                        best = Math.min(best, Long.parseLong(line.substring("first-frame-ms=".length())));
                    }
                }
            }
            p.waitFor(60, TimeUnit.SECONDS);
        }
        return best;
    }

    private static String machine() throws Exception {
        String cpu = "unknown CPU";
        Path info = Path.of("/proc/cpuinfo");
        if (Files.exists(info)) {
            cpu = Files.readAllLines(info).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version")
                + ", JavaFX " + System.getProperty("javafx.runtime.version") + ", software rendering (Monocle headless), heap max "
                + Runtime.getRuntime().maxMemory() / 1048576 + " MB";
    }

    /** N tokens with seeded 2D embeddings and f2 weights, the prompt its first three tokens. */
    static Lesson synthetic(int n) {
        Random random = new Random(n);
        List<String> tokens = new ArrayList<>(n);
        int[] ids = new int[n];
        double[][] e = new double[n][2];
        double[] f2 = new double[n];
        for (int i = 0; i < n; i++) {
            tokens.add("tok" + i);
            ids[i] = i;
            e[i][0] = random.nextGaussian() * 0.5;
            e[i][1] = random.nextGaussian() * 0.5;
            f2[i] = random.nextGaussian();
        }
        return new Lesson("synthetic " + n, "en", null, Vocabulary.of(tokens, ids, e), tokens.subList(0, 3),
                InputKind.EMBEDDINGS, Values.of(1, 0.5, 1.5, 1, 0.5, 1.5), Values.of(f2), Normalization.SOFTMAX, 1.0, 0, 1.0,
                7L, List.of());
    }

    /**
     * An attention lesson of 100,000 tokens with tied f2 (issue 13): the model's recomputation
     * when a query weight is dragged, every step from x to the filtered probabilities. Attention
     * lessons have no views in the window yet, so this times the model's share of an update.
     */
    private static ObjectNode attentionModelUpdates(ObjectMapper json) {
        Lesson lesson = AttentionBenchLessons.tied(100_000);
        nexttoken.model.Attention a = lesson.attention();
        double[] times = new double[UPDATES];
        nexttoken.model.Trace previous = null;
        for (int k = -WARMUP; k < UPDATES; k++) {
            double w = 0.5 + 0.001 * (k % 200);
            nexttoken.model.Attention.Head head = a.heads().get(0);
            Lesson moved = lesson.withAttention(a.withHead(0, head.withQuery(head.query().with(0, 0, w))));
            long start = System.nanoTime();
            previous = nexttoken.model.Composition.compute(moved, moved.prompt(), previous);
            if (k >= 0) {
                times[k] = (System.nanoTime() - start) / 1e6;
            }
        }
        return percentiles(json, times);
    }

    // ---- profile ----------------------------------------------------------------------------

    private static Recording startProfile(boolean samples) {
        Recording r = new Recording();
        r.enable(FrameBreakdown.PULSE_PHASE).withoutStackTrace().withThreshold(java.time.Duration.ZERO);
        if (samples) {
            r.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(2));
            r.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
            r.enable("jdk.ObjectAllocationSample").withStackTrace();
            r.enable("jdk.GarbageCollection");
        }
        r.start();
        return r;
    }

    private static Path stopProfile(Recording r, Path file) throws Exception {
        r.stop();
        r.dump(file);
        r.close();
        return file;
    }

    /** Where the FX thread spends its time: the top frames of the samples, by the method running. */
    private static ArrayNode summarize(Path file, ObjectMapper json) throws Exception {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            var thread = event.getThread("sampledThread");
            if (thread == null || !"JavaFX Application Thread".equals(thread.getJavaName())) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            total++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("nexttoken.")).findFirst()
                    .ifPresent(f -> ours.merge("in " + name(f), 1, Integer::sum));
        }
        ArrayNode out = json.createArrayNode();
        int all = total;
        for (Map<String, Integer> table : List.of(self, ours)) {
            table.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                    .forEach(en -> out.addObject().put("frame", en.getKey()).put("samples", en.getValue())
                            .put("share", all == 0 ? 0 : round(100.0 * en.getValue() / all)));
        }
        return out;
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }
}
