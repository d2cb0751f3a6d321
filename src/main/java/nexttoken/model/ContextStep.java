package nexttoken.model;

import java.util.List;

/**
 * The tokens f1 reads: the last {@code context.size()} words of the text, a window
 * that slides as generated tokens are appended.
 *
 * @param text    every word so far, prompt and generated
 * @param context the window f1 reads
 * @param indices the window's vocabulary indices, in window order
 */
public record ContextStep(List<String> text, List<String> context, List<Integer> indices) {
    public ContextStep {
        text = List.copyOf(text);
        context = List.copyOf(context);
        indices = List.copyOf(indices);
    }

    /** Where the window starts inside the text. */
    public int windowStart() {
        return text.size() - context.size();
    }
}
