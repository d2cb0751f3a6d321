package nexttoken.model;

/**
 * f2(x) = (x·w1, …, x·wn): one logit per vocabulary token. In an attention lesson the
 * logits are h · f2ᵢ instead (see {@link AttentionStep}): there {@code input} is 0 and
 * {@code weights} null, and only the logits and {@code top} are read.
 *
 * @param top the index of the largest logit (the first of equals): the greedy token, and
 *            softmax's shift; found once here rather than by every step that needs it. If a
 *            logit overflowed, the index of one that did (the trace stops at f2 then).
 */
public record LogitsStep(double input, Values weights, Values logits, int top) {

    /** The logits of an attention lesson, h · f2ᵢ. */
    static LogitsStep ofAttention(Values logits) {
        int overflowed = -1;
        for (int i = 0; i < logits.size() && overflowed < 0; i++) {
            if (!Double.isFinite(logits.get(i))) {
                overflowed = i;
            }
        }
        return new LogitsStep(0, null, logits, overflowed >= 0 ? overflowed : logits.argmax());
    }
}
