package nexttoken.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;
import nexttoken.model.Problem;
import nexttoken.model.ProblemKind;
import nexttoken.report.Messages;

/**
 * Where {@code --out} writes. The command line does not ask (a script has no one to
 * answer): it creates missing folders and replaces existing files, and says so on stderr,
 * one line each, so nothing is replaced without a word. A failure names the path the
 * person gave and a reason in plain words, never the temporary file beside it.
 */
final class OutputFiles {
    private final Messages messages;
    private final Consumer<String> notes;

    OutputFiles(Messages messages, Consumer<String> notes) {
        this.messages = messages;
        this.notes = notes;
    }

    /** The folder export writes into, created (and said so) when missing. */
    void folder(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserError(Problem.of(ProblemKind.OUT_IS_FILE, "--out").inSource(dir.toString()));
        }
        createMissing(dir);
    }

    /** A file about to be written: not a folder; its folder created when missing. True when it will replace a file. */
    boolean file(Path file, String example) {
        notAFolder(file, example);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            createMissing(file.getParent() != null ? file.getParent() : parent);
        }
        return Files.exists(file);
    }

    /** Refuses a folder where a file is to be written, naming a file that would do. */
    void notAFolder(Path file, String example) {
        if (Files.isDirectory(file)) {
            throw new UserError(Problem.of(ProblemKind.OUT_IS_FOLDER, "--out", file.resolve(example)).inSource(file.toString()));
        }
    }

    /** Says a file was replaced, after the write went through. */
    void replaced(Path file) {
        notes.accept(messages.format("cli.replaced", file));
    }

    private void createMissing(Path dir) {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new UserError(Problem.of(ProblemKind.FOLDER_FAILED, null, reason(e, dir, dir)).inSource(dir.toString()));
        }
        notes.accept(messages.format("cli.created_folder", dir));
    }

    /** A write that failed, as one problem about the file the person named. */
    UserError writeFailed(Exception e, Path file) {
        return new UserError(Problem.of(ProblemKind.WRITE_FAILED, null, reason(e, file, file.getParent())).inSource(file.toString()));
    }

    /**
     * Why, in the person's words: Java's messages name whichever path failed, which may be
     * the temporary file, so only the reason is kept (and a folder in the way is named).
     */
    private String reason(Exception e, Path target, Path folder) {
        if (e instanceof AccessDeniedException) {
            return messages.get("cli.io.denied");
        }
        Path blocker = fileInTheWay(folder);
        if (blocker != null) {
            return messages.format("cli.io.not_a_folder", blocker);
        }
        if (e instanceof NoSuchFileException) {
            Path parent = target.toAbsolutePath().getParent();
            return messages.format("cli.io.missing_folder", parent == null ? target : parent);
        }
        String text = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        if (text != null && text.contains("No space left")) {
            return messages.get("cli.io.no_space");
        }
        return messages.format("cli.io.other", text == null ? e.getClass().getSimpleName() : text);
    }

    /** A regular file standing where {@code folder} or one of the folders above it should be, or null. */
    private static Path fileInTheWay(Path folder) {
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
