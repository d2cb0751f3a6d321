package nexttoken.export;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Runs JavaFX work with no display: Monocle's headless platform and the software
 * renderer, so handouts can be made on a server or in CI.
 */
public final class HeadlessFx {
    private HeadlessFx() {
    }

    /** Sets the headless platform unless the toolkit is already chosen (a test run, a second call). */
    private static void configure() {
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("java.awt.headless", "true");
        setIfAbsent("headless.geometry", "3840x2160-32");
        // JavaFX warns that it was loaded from the class path; on the command line that is noise on stderr.
        java.util.logging.Logger.getLogger("javafx").setLevel(java.util.logging.Level.SEVERE);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Starts the toolkit if needed and runs {@code work} on the FX thread, waiting for its result. */
    public static <T> T call(Supplier<T> work) throws InterruptedException, ExecutionException, TimeoutException {
        configure();
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // Started before (a test run, or a second export in this JVM): use it as it is.
        }
        Platform.setImplicitExit(false);
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(5, TimeUnit.MINUTES);
    }
}
