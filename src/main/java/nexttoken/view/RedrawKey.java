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
}
