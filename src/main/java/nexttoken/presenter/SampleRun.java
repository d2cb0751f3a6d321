package nexttoken.presenter;

import java.util.List;

/** One sampled continuation for the sampling panel: the sentence as a class reads it, "el cielo es azul". */
public record SampleRun(List<String> prompt, List<String> generated) {
    public SampleRun {
        prompt = List.copyOf(prompt);
        generated = List.copyOf(generated);
    }

    public String sentence() {
        return String.join(" ", prompt) + " " + String.join(" ", generated);
    }
}
