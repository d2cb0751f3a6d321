package nexttoken.report;

import java.util.List;

/**
 * Where a worked example is written: plain text, markdown, a PDF handout. The report
 * decides what is said and in which order; a sink decides only how it looks, so the
 * trace command and the printed handout cannot say different things.
 */
public interface ReportSink {
    /** Level 1 is the lesson's title. */
    void heading(String text);

    /**
     * A step's section.
     *
     * @param stepId the step's id as lesson files name it ("f1", "normalize"), for a sink
     *               that adds the step's figure or its teacher notes
     */
    void section(String stepId, String title);

    void paragraph(String text);

    /** The lesson's description, under its title. */
    default void description(String text) {
        paragraph(text);
    }

    /** A worked line of numbers, set apart from the prose. */
    void equation(String text);

    void table(List<String> header, List<List<String>> rows);

    /**
     * Whether numbers are written for a reader (the language's decimal separator, true minus
     * signs) rather than for a file another program reads ('.' and '-').
     */
    default boolean typeset() {
        return false;
    }
}
