package nexttoken.cli;

/** The contract's example lesson, shared with the reader's tests. */
final class LessonReaderTestAccess {
    private LessonReaderTestAccess() {
    }

    static String valid() {
        return nexttoken.lesson.LessonReaderTestSupport.VALID;
    }
}
