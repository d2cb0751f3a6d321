package nexttoken.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import nexttoken.io.AtomicFiles;

/**
 * The user's settings as one properties file where the system keeps an app's settings
 * ({@code ~/.config/nexttoken/settings.properties} on Linux), written whole and atomically
 * at every change.
 *
 * <p>Not {@code java.util.prefs}, which earlier versions used: on Linux its store is XML, and
 * reading it loaded the JDK's XML parser (about 200 classes, a tenth of a second of CPU) at
 * every start, on a second core while the window was being built. Those preferences are read
 * once, when there is no settings file yet, and carried over into it.
 */
final class SettingsFile implements UserSettings.Store {
    /** A system property naming the settings file, for scripts and tests that must not touch the user's. */
    static final String LOCATION_PROPERTY = "nexttoken.settings";
    static final String NODE = "nexttoken";

    private final Path file;
    private final Map<String, String> values;

    private SettingsFile(Path file, Map<String, String> values) {
        this.file = file;
        this.values = values;
    }

    /**
     * The settings in {@code file}. When there is no such file, {@code earlier} gives the
     * settings to start from, and they are written to the file at once, so that they are
     * looked for only once.
     */
    static SettingsFile open(Path file, Supplier<Map<String, String>> earlier) {
        if (Files.isRegularFile(file)) {
            return new SettingsFile(file, read(file));
        }
        SettingsFile settings = new SettingsFile(file, new HashMap<>(earlier.get()));
        if (!Files.exists(file)) {
            settings.save();
        }
        return settings;
    }

    /** A file that cannot be read or is not a properties file counts as empty: nothing is lost but a preference. */
    private static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return new HashMap<>();
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
        return values;
    }

    @Override
    public synchronized String get(String key) {
        return values.get(key);
    }

    @Override
    public synchronized void put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
        save();
    }

    private void save() {
        Properties properties = new Properties();
        properties.putAll(values);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "NextToken's settings");
            AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | SecurityException e) {
            // Nothing to lose but a preference; the app works the same without it.
        }
    }

    /** Where this user's settings live: the system property if set, else the system's place for them. */
    static Path defaultLocation(Map<String, String> environment, String osName, String userHome, String given) {
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = environment.get("APPDATA");
            Path base = absolute(appData) != null ? absolute(appData) : Path.of(userHome, "AppData", "Roaming");
            return base.resolve("NextToken").resolve("settings.properties");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "NextToken", "settings.properties");
        }
        // The XDG base directory rule: a relative XDG_CONFIG_HOME is to be ignored.
        Path xdg = absolute(environment.get("XDG_CONFIG_HOME"));
        return (xdg != null ? xdg : Path.of(userHome, ".config")).resolve("nexttoken").resolve("settings.properties");
    }

    private static Path absolute(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        try {
            Path p = Path.of(path);
            return p.isAbsolute() ? p : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** What an earlier version kept in the user's Java preferences; empty if nothing or unreadable. */
    static Map<String, String> javaPreferences() {
        try {
            Preferences root = Preferences.userRoot();
            if (!root.nodeExists(NODE)) {
                return Map.of();
            }
            Preferences node = root.node(NODE);
            Map<String, String> values = new HashMap<>();
            for (String key : node.keys()) {
                String value = node.get(key, null);
                if (value != null) {
                    values.put(key, value);
                }
            }
            return values;
        } catch (BackingStoreException | SecurityException | IllegalStateException e) {
            return Map.of();
        }
    }
}
