package nexttoken.model;

/**
 * f2(x) = (x·w1, …, x·wn): one logit per vocabulary token.
 *
 * @param top the index of the largest logit (the first of equals): the greedy token, and
 *            softmax's shift; found once here rather than by every step that needs it. If a
 *            logit overflowed, the index of one that did (the trace stops at f2 then).
 */
public record LogitsStep(double input, Values weights, Values logits, int top) {
}
