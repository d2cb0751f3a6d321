package nexttoken.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nexttoken.presenter.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {
    @TempDir
    Path dir;

    @Test
    void whatIsSetIsThereAtTheNextStart() {
        Path file = dir.resolve("nexttoken").resolve("settings.properties");
        UserSettings first = new UserSettings(SettingsFile.open(file, Map::of));
        first.setTheme(Theme.PROJECTOR);
        first.setLanguage(Locale.forLanguageTag("es"));
        first.addRecentFile("/home/profe/lecciones/cielo frío.json");
        first.addRecentFile("C:\\Users\\profe\\a=b:c#d.json");
        first.setPollAddress("192.168.1.20");

        UserSettings next = new UserSettings(SettingsFile.open(file, () -> {
            throw new AssertionError("the earlier preferences are read only when there is no settings file");
        }));
        assertEquals(Theme.PROJECTOR, next.theme());
        assertEquals(Locale.forLanguageTag("es"), next.language(Locale.ENGLISH));
        assertEquals(List.of("C:\\Users\\profe\\a=b:c#d.json", "/home/profe/lecciones/cielo frío.json"), next.recentFiles());
        assertEquals("192.168.1.20", next.pollAddress());
    }

    @Test
    void theEarlierPreferencesAreCarriedOverOnce() throws IOException {
        Path file = dir.resolve("settings.properties");
        AtomicInteger asked = new AtomicInteger();
        UserSettings migrated = new UserSettings(SettingsFile.open(file, () -> {
            asked.incrementAndGet();
            return Map.of("theme", "DARK", "recent", "/a.json\n/b.json");
        }));
        assertEquals(Theme.DARK, migrated.theme());
        assertTrue(Files.isRegularFile(file), "written at once, so that the preferences are not read again");
        UserSettings again = new UserSettings(SettingsFile.open(file, () -> {
            asked.incrementAndGet();
            return Map.of("theme", "LIGHT");
        }));
        assertEquals(1, asked.get());
        assertEquals(Theme.DARK, again.theme());
        assertEquals(List.of("/a.json", "/b.json"), again.recentFiles());
    }

    @Test
    void aBrokenFileIsEmptySettingsAndTheNextChangeRepairsIt() throws IOException {
        Path file = dir.resolve("settings.properties");
        Files.writeString(file, "theme=\\u00zz\n", StandardCharsets.ISO_8859_1);
        UserSettings broken = new UserSettings(SettingsFile.open(file, Map::of));
        assertEquals(Theme.LIGHT, broken.theme());
        broken.setTheme(Theme.DARK);
        assertEquals(Theme.DARK, new UserSettings(SettingsFile.open(file, Map::of)).theme());
    }

    @Test
    void aPlaceThatCannotBeWrittenKeepsTheValuesForThisRun() throws IOException {
        Path notADirectory = dir.resolve("occupied");
        Files.writeString(notADirectory, "a file where the settings folder would be");
        UserSettings settings = new UserSettings(SettingsFile.open(notADirectory.resolve("settings.properties"), Map::of));
        settings.setTheme(Theme.PROJECTOR);
        assertEquals(Theme.PROJECTOR, settings.theme());
        assertEquals("a file where the settings folder would be", Files.readString(notADirectory));
    }

    @Test
    void theFileLivesWhereEachSystemKeepsSettings() {
        assertEquals(Path.of("/home/ana/.config/nexttoken/settings.properties"),
                SettingsFile.defaultLocation(Map.of(), "Linux", "/home/ana", null));
        assertEquals(Path.of("/xdg/nexttoken/settings.properties"),
                SettingsFile.defaultLocation(Map.of("XDG_CONFIG_HOME", "/xdg"), "Linux", "/home/ana", null));
        assertEquals(Path.of("/home/ana/.config/nexttoken/settings.properties"),
                SettingsFile.defaultLocation(Map.of("XDG_CONFIG_HOME", "relative/dir"), "Linux", "/home/ana", null),
                "a relative XDG_CONFIG_HOME is ignored");
        assertEquals(Path.of("/Users/ana/Library/Application Support/NextToken/settings.properties"),
                SettingsFile.defaultLocation(Map.of(), "Mac OS X", "/Users/ana", null));
        assertEquals(Path.of("/tmp/given.properties"),
                SettingsFile.defaultLocation(Map.of("XDG_CONFIG_HOME", "/xdg"), "Linux", "/home/ana", "/tmp/given.properties"));
        assertTrue(SettingsFile.defaultLocation(Map.of(), "Windows 11", "/home/ana", null)
                .endsWith(Path.of("AppData", "Roaming", "NextToken", "settings.properties")));
    }

    @Test
    void aRemovedValueIsGone() throws IOException {
        Path file = dir.resolve("settings.properties");
        SettingsFile store = SettingsFile.open(file, Map::of);
        store.put("pollAddress", "10.0.0.2");
        store.put("pollAddress", null);
        assertNull(SettingsFile.open(file, Map::of).get("pollAddress"));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left beside it");
        }
    }
}
