package nexttoken.poll;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The hostile lesson of this package's tests, for the window's tests in another package. */
public final class HostileLessonAccess {
    public static final List<String> TOKENS = HostileLesson.TOKENS;

    private HostileLessonAccess() {
    }

    public static Path write(Path dir) throws IOException {
        return HostileLesson.write(dir);
    }
}
