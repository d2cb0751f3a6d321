package nexttoken.poll;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import nexttoken.model.Values;
import nexttoken.model.Vocabulary;

/**
 * The poll's JSON: {@code /state} for the phones and the {@code poll} command's result line
 * (contracts.md "Class poll"). Tokens are written as JSON strings, so a token that looks like
 * markup stays text on its way to the phone.
 */
final class PollJson {
    static final ObjectMapper JSON = new ObjectMapper();
    /** How many of the model's top tokens a phone offers first when the vocabulary needs a search box. */
    static final int TOP_FOR_PHONES = 8;

    private final PollModel poll;
    /** What never changes during a poll, written once: a 100,000-token list is over a megabyte. */
    private final String fixedPart;

    PollJson(PollModel poll, ModelSide model, List<String> palette) {
        this.poll = poll;
        ObjectNode fixed = JSON.createObjectNode();
        ArrayNode prompt = fixed.putArray("prompt");
        poll.prompt().forEach(prompt::add);
        ArrayNode tokens = fixed.putArray("tokens");
        poll.vocabulary().tokens().forEach(tokens::add);
        ArrayNode top = fixed.putArray("top");
        for (int i : model.mostProbable(TOP_FOR_PHONES)) {
            top.add(i);
        }
        ArrayNode colours = fixed.putArray("palette");
        palette.forEach(colours::add);
        ArrayNode symbols = fixed.putArray("symbols");
        TokenSymbols.SYMBOLS.forEach(symbols::add);
        String whole = write(fixed);
        fixedPart = whole.substring(1, whole.length() - 1);
    }

    /** {@code {"open": …, "votes": N, "revealed": …, "prompt": […], "tokens": […], …}}: no counts, ever. */
    String state() {
        PollModel.Tally t = poll.tally();
        return "{\"open\":" + t.open() + ",\"votes\":" + t.votes() + ",\"revealed\":" + t.revealed() + ","
                + fixedPart + "}";
    }

    /** What a phone asks every few seconds: whether the poll is still open, without the token list. */
    String status() {
        PollModel.Tally t = poll.tally();
        return "{\"open\":" + t.open() + ",\"votes\":" + t.votes() + ",\"revealed\":" + t.revealed() + "}";
    }

    /** {@code {"votes": N, "counts": {"<token>": n, …}, "model": {"<token>": p, …}}}, every token in both. */
    static String result(PollModel.Tally tally, Vocabulary vocabulary, Values model) {
        ObjectNode root = JSON.createObjectNode();
        root.put("votes", tally.votes());
        ObjectNode counts = root.putObject("counts");
        ObjectNode probabilities = root.putObject("model");
        for (int i = 0; i < vocabulary.size(); i++) {
            counts.put(vocabulary.token(i), tally.counts()[i]);
            probabilities.put(vocabulary.token(i), model.get(i));
        }
        return write(root);
    }

    static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
