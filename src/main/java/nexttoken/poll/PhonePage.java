package nexttoken.poll;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nexttoken.report.Messages;

/**
 * The page a phone opens: one UTF-8 document with its style and script inline (nothing from
 * another host, so it works on a network without the internet). It carries only our own
 * sentences; the prompt and the tokens come afterwards from {@code /state} as JSON.
 */
final class PhonePage {
    private static final String TEMPLATE = read("/nexttoken/poll/phone.html");
    private static final List<String> TEXT_KEYS = List.of("question", "tap", "counted", "closed", "tooFast", "failed",
            "search", "top", "matches", "noMatch", "votes", "loading", "offline");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String base;

    PhonePage(String code) {
        this.base = "/" + code;
    }

    /** A fresh nonce for the Content-Security-Policy that allows exactly this page's inline style and script. */
    static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String contentSecurityPolicy(String nonce) {
        return "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-" + nonce + "'; "
                + "connect-src 'self'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    String html(Locale language, String nonce) {
        Messages messages = new Messages(language);
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("base", base);
        for (String key : TEXT_KEYS) {
            texts.put(key, messages.get("poll.phone." + key));
        }
        return TEMPLATE.replace("{{lang}}", messages.locale().getLanguage())
                .replace("{{nonce}}", nonce)
                .replace("{{texts}}", scriptSafe(PollJson.write(texts)));
    }

    /** JSON inside a script element: no character of it may close the element or start markup. */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    /** The phone's language from its Accept-Language when it is one of ours, else the lesson's. */
    static Locale language(String acceptLanguage, Locale fallback) {
        if (acceptLanguage != null && acceptLanguage.length() <= 200) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String tag = range.getRange().toLowerCase(Locale.ROOT);
                    if (tag.startsWith("es")) {
                        return Locale.forLanguageTag("es");
                    }
                    if (tag.startsWith("en")) {
                        return Locale.ENGLISH;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // A header we cannot read is no reason to refuse the page: the lesson's language serves.
            }
        }
        return fallback;
    }

    private static String read(String resource) {
        try (InputStream in = PhonePage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
