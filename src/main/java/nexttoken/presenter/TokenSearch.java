package nexttoken.presenter;

import java.util.Locale;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import nexttoken.model.Vocabulary;

/** The token the search box found, marked in every view of every window; cleared when a lesson opens. */
public final class TokenSearch {
    private final LessonModel lessons;
    private final Revision revision;
    private final ReadOnlyIntegerWrapper highlightedToken = new ReadOnlyIntegerWrapper(this, "highlightedToken", -1);

    public TokenSearch(LessonModel lessons, Revision revision) {
        this.lessons = lessons;
        this.revision = revision;
        lessons.onChange(c -> {
            if (c.cause() == LessonModel.Cause.LOAD) {
                highlightedToken.set(-1);
            }
        });
    }

    /** The token the search box found; -1 when none. */
    public ReadOnlyIntegerProperty highlightedTokenProperty() {
        return highlightedToken.getReadOnlyProperty();
    }

    public int getHighlightedToken() {
        return highlightedToken.get();
    }

    /**
     * Finds a token: the exact token first, then one that starts with the query, then one
     * that contains it (ignoring case; "▁" stands for a leading space). Returns its index, or -1.
     */
    public int highlight(String query) {
        String q = query == null ? "" : query.strip();
        int found = -1;
        if (!q.isEmpty()) {
            Vocabulary v = lessons.get().vocabulary();
            found = v.indexOf(q).orElse(v.indexOf("▁" + q).orElse(-1));
            String lower = q.toLowerCase(Locale.ROOT);
            for (int pass = 0; pass < 2 && found < 0; pass++) {
                for (int i = 0; i < v.size(); i++) {
                    String token = v.token(i).toLowerCase(Locale.ROOT).replace("▁", "");
                    if (pass == 0 ? token.startsWith(lower) : token.contains(lower)) {
                        found = i;
                        break;
                    }
                }
            }
        }
        highlightedToken.set(found);
        revision.bump();
        return found;
    }

    /** Marks a token by its index, as a copy of the session carries the mark over. */
    void highlightIndex(int index) {
        highlightedToken.set(index);
        revision.bump();
    }
}
