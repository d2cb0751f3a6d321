package nexttoken.model;

/** f2(x) = (x·w1, …, x·wn): one logit per vocabulary token. */
public record LogitsStep(double input, Values weights, Values logits) {
}
