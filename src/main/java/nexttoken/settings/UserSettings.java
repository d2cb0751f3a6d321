package nexttoken.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nexttoken.presenter.Theme;

/**
 * What the app remembers between runs: theme, language, recent lesson files. Backed by
 * the user's settings file in the app, by a plain map in tests (which must not touch
 * the machine's settings or each other's).
 */
public final class UserSettings {
    static final int MAX_RECENT = 8;

    /** Where values live. */
    public interface Store {
        String get(String key);

        void put(String key, String value);
    }

    private final Store store;

    public UserSettings(Store store) {
        this.store = store;
    }

    /** The settings of the user running the app, kept in their settings file (see {@link SettingsFile}). */
    public static UserSettings forUser() {
        Path file = SettingsFile.defaultLocation(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home", ""), System.getProperty(SettingsFile.LOCATION_PROPERTY));
        return new UserSettings(SettingsFile.open(file, SettingsFile::javaPreferences));
    }

    public static UserSettings inMemory() {
        Map<String, String> map = new HashMap<>();
        return new UserSettings(new Store() {
            @Override
            public String get(String key) {
                return map.get(key);
            }

            @Override
            public void put(String key, String value) {
                map.put(key, value);
            }
        });
    }

    public Theme theme() {
        Theme t = Theme.fromName(String.valueOf(store.get("theme")));
        return t == null ? Theme.LIGHT : t;
    }

    public void setTheme(Theme theme) {
        store.put("theme", theme.name());
    }

    /** The remembered language, or the system's when none was chosen. */
    public Locale language(Locale system) {
        String tag = store.get("language");
        return tag == null ? system : Locale.forLanguageTag(tag);
    }

    public void setLanguage(Locale locale) {
        store.put("language", locale.getLanguage());
    }

    /** The address the last class poll was served on, so the teacher picks the room's network once; null if none. */
    public String pollAddress() {
        return store.get("pollAddress");
    }

    public void setPollAddress(String address) {
        store.put("pollAddress", address);
    }

    /** Most recent first. */
    public List<String> recentFiles() {
        String joined = store.get("recent");
        List<String> out = new ArrayList<>();
        if (joined != null && !joined.isEmpty()) {
            for (String f : joined.split("\n")) {
                if (!f.isBlank()) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    public void addRecentFile(String path) {
        List<String> recent = recentFiles();
        recent.remove(path);
        recent.add(0, path);
        while (recent.size() > MAX_RECENT) {
            recent.remove(recent.size() - 1);
        }
        store.put("recent", String.join("\n", recent));
    }

    /** The screen the teacher chose for the projector window ({@code ScreenPlacement.ScreenInfo.key()}), or null. */
    public String projectorScreen() {
        return store.get("projectorScreen");
    }

    public void setProjectorScreen(String key) {
        store.put("projectorScreen", key);
    }
}
