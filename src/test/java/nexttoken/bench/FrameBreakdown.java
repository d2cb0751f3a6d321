package nexttoken.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a frame's time goes, from the JFR events JavaFX writes for each pulse phase: on the FX
 * thread the CSS pass, the layout pass, bounds, the wait for the previous frame and the copy to
 * the render graph; on the render thread "Painting" (until the dirty regions are known), "Dirty
 * Opts Computed" (until the nodes to draw are found), "Render Roots Discovered" (drawing them) and
 * "Presenting" (handing the pixels to the screen). Only pulses that painted are counted, so idle
 * pulses do not dilute the percentiles. With execution samples in the recording, the render
 * thread's time is also split by the kind of scene-graph node it was drawing.
 */
final class FrameBreakdown {
    static final String PULSE_PHASE = "javafx.PulsePhase";
    /** The name JavaFX gives its render thread (Quantum's), up to its number. */
    static final String RENDER_THREAD = "QuantumRenderer";
    private static final List<String> RENDER_PHASES = List.of("Painting", "Dirty Opts Computed", "Render Roots Discovered",
            "Presenting");

    private FrameBreakdown() {
    }

    static ObjectNode of(Path recording, ObjectMapper json) throws Exception {
        ObjectNode out = json.createObjectNode();
        if (!Files.exists(recording)) {
            return out;
        }
        Map<Integer, Map<String, Double>> pulses = new HashMap<>();
        Map<String, Integer> renderSamples = new HashMap<>();
        int renderTotal = 0;
        List<Double> gcPauses = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            String type = e.getEventType().getName();
            if (type.equals(PULSE_PHASE)) {
                String phase = e.getString("phaseName");
                if (phase != null) {
                    pulses.computeIfAbsent(e.getInt("pulseId"), k -> new LinkedHashMap<>())
                            .merge(phase, e.getDuration().toNanos() / 1e6, Double::sum);
                }
            } else if (type.equals("jdk.ExecutionSample") && e.getStackTrace() != null) {
                var thread = e.getThread("sampledThread");
                if (thread == null || thread.getJavaName() == null || !thread.getJavaName().startsWith(RENDER_THREAD)) {
                    continue;
                }
                renderTotal++;
                renderSamples.merge(drawing(e.getStackTrace().getFrames()), 1, Integer::sum);
            } else if (type.equals("jdk.GarbageCollection")) {
                gcPauses.add(e.getDuration("sumOfPauses").toNanos() / 1e6);
            }
        }
        Map<String, List<Double>> byPhase = new LinkedHashMap<>();
        List<Double> render = new ArrayList<>();
        int painted = 0;
        for (Map<String, Double> pulse : pulses.values()) {
            if (!pulse.containsKey("Painting")) {
                continue;
            }
            painted++;
            double renderMs = 0;
            for (Map.Entry<String, Double> phase : pulse.entrySet()) {
                byPhase.computeIfAbsent(phase.getKey(), k -> new ArrayList<>()).add(phase.getValue());
                if (RENDER_PHASES.contains(phase.getKey())) {
                    renderMs += phase.getValue();
                }
            }
            render.add(renderMs);
        }
        out.put("painted_pulses", painted);
        if (painted > 0) {
            out.set("render_thread_ms", BenchmarkTest.percentiles(json, toArray(render)));
            ObjectNode phases = out.putObject("phases_ms");
            byPhase.forEach((name, values) -> phases.set(name, BenchmarkTest.percentiles(json, toArray(values))));
        }
        if (renderTotal > 0) {
            ObjectNode nodes = out.putObject("render_thread_samples_by_node");
            int all = renderTotal;
            renderSamples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                    .forEach(en -> nodes.put(en.getKey(), BenchmarkTest.round(100.0 * en.getValue() / all)));
        }
        if (!gcPauses.isEmpty()) {
            ObjectNode gc = out.putObject("gc_during_updates");
            gc.put("collections", gcPauses.size());
            gc.set("pause_ms", BenchmarkTest.percentiles(json, toArray(gcPauses)));
            gc.put("max_pause_ms", BenchmarkTest.round(gcPauses.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
        }
        return out;
    }

    /** The innermost scene-graph node class on the stack (NGRegion, NGText, NGCanvas …), or the phase's own work. */
    private static String drawing(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            if (type.startsWith("com.sun.javafx.sg.prism.NG")) {
                return type.substring(type.lastIndexOf('.') + 1);
            }
        }
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            if (type.startsWith("com.sun.javafx.tk.quantum.")) {
                return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
            }
        }
        return "other";
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
