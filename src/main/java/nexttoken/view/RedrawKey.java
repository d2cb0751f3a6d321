package nexttoken.view;

import java.util.Arrays;
import java.util.List;

/**
 * What a view last drew from. Views hear every presenter change; most changes (a slider
 * moving) leave a given view's inputs alone, and rebuilding its nodes anyway costs CSS and
 * layout on every frame.
 */
final class RedrawKey {
    private List<Object> last;

    /** True, and remembered, when the inputs differ from the last call's. */
    boolean changed(Object... inputs) {
        List<Object> now = Arrays.asList(inputs);
        if (now.equals(last)) {
            return false;
        }
        last = now;
        return true;
    }

    /**
     * An input compared by identity: the model returns the very same step when a move left it
     * alone, while an equal step from another lesson (an English twin) still needs a redraw.
     */
    static Object same(Object o) {
        return new Identity(o);
    }

    private record Identity(Object o) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity i && i.o == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(o);
        }
    }

    /** The next call counts as a change, whatever its inputs. */
    void forget() {
        last = null;
    }
}
