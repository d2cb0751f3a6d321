package nexttoken.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nexttoken.lesson.LessonReader;
import nexttoken.model.Composition;
import nexttoken.model.LessonFixtures;
import nexttoken.model.Trace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The phone page in a real browser: Debian's chromium, headless at a phone's size, driven by
 * Selenium through Debian's chromedriver. It shows the tokens, a tap votes, the poll's count
 * moves, and tokens that are markup stay text.
 */
class PhonePageBrowserTest {
    private static ChromeDriver browser;
    private static Path profile;
    private final List<ClassPoll> started = new ArrayList<>();

    @BeforeAll
    static void openBrowser() throws IOException {
        profile = Files.createTempDirectory("poll-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=en-US", "--user-data-dir=" + profile);
        // A phone's screen: 390 × 844 CSS pixels at twice the density, as a recent mid-size phone.
        options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
                java.util.Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "touch", true)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @AfterEach
    void stopPolls() {
        started.forEach(p -> p.server().close());
    }

    private ClassPoll start(Trace trace) throws IOException {
        ClassPoll poll = ClassPoll.start(trace, PollServerTest.PALETTE, Locale.ENGLISH, InetAddress.getLoopbackAddress(), 0);
        started.add(poll);
        return poll;
    }

    /**
     * The page redraws its buttons whenever the state it polls changes, so an element found a
     * moment ago can be gone when its text is read: the wait looks it up again.
     */
    private static org.openqa.selenium.support.ui.FluentWait<org.openqa.selenium.WebDriver> waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    private static List<WebElement> buttons() {
        return browser.findElements(By.cssSelector("button.token"));
    }

    private static List<String> words() {
        return buttons().stream().map(b -> b.findElement(By.className("word")).getText()).toList();
    }

    @Test
    void showsEveryTokenATapVotesAndTheCountMoves() throws IOException {
        ClassPoll poll = start(Composition.compute(LessonFixtures.part(2)));
        browser.get(poll.address());
        waiting().until(d -> buttons().size() == 5);
        assertEquals(List.of("azul", "cielo", "frío", "el", "es"), words());
        assertEquals("el cielo es …?", browser.findElement(By.id("prompt")).getText());
        List<String> symbols = buttons().stream().map(b -> b.findElement(By.className("badge")).getText()).toList();
        assertEquals(List.of("●", "■", "▲", "◆", "★"), symbols, "a symbol beside each colour");
        assertEquals("rgba(0, 114, 178, 1)", buttons().get(0).findElement(By.className("badge")).getCssValue("background-color"));

        buttons().get(2).click();
        waiting().until(d -> poll.poll().votes() == 1);
        waiting().until(d -> d.findElement(By.id("status")).getText().contains("Your vote counted: frío"));
        assertEquals(1, poll.poll().tally().counts()[2]);
        buttons().get(0).click();
        waiting().until(d -> poll.poll().tally().counts()[0] == 1);
        assertEquals(1, poll.poll().votes(), "a changed vote replaces the first");
        assertEquals(0, poll.poll().tally().counts()[2]);
        waiting().until(d -> d.findElement(By.cssSelector("button.token.chosen .word")).getText().equals("azul"));
        waiting().until(d -> d.findElement(By.id("votes")).getText().equals("1 voted so far"));

        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.write(shots.resolve("poll-phone-390x844.png"), browser.getScreenshotAs(OutputType.BYTES));

        poll.poll().close();
        waiting().until(d -> d.findElement(By.id("status")).getText().contains("Voting is closed"));
        assertFalse(buttons().get(1).isEnabled());
    }

    @Test
    void tokensThatAreMarkupAreShownAsTextAndRunNothing(@TempDir Path dir) throws IOException {
        LessonReader.Result hostile = LessonReader.read(HostileLesson.write(dir));
        assertTrue(hostile.ok(), () -> String.valueOf(hostile.firstProblem()));
        ClassPoll poll = start(Composition.compute(hostile.lesson()));
        browser.get(poll.address());
        waiting().until(d -> buttons().size() == 5);
        assertEquals(HostileLesson.TOKENS, words());
        assertEquals("NextToken", browser.getTitle(), "no token's script ran");
        assertEquals(0, browser.findElements(By.cssSelector("#tokens img, #tokens b, #prompt b")).size());
        assertEquals("&amp; <b>azul</b> …?", browser.findElement(By.id("prompt")).getText());
        buttons().get(1).click();
        waiting().until(d -> poll.poll().tally().counts()[1] == 1);
        assertEquals("NextToken", browser.getTitle());
    }

    @Test
    void aLargeVocabularyOffersTheModelsTopTokensAndASearchBox() throws IOException {
        double[] logits = new double[300];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (i * 37) % 300 / 30.0;
        }
        Trace trace = Composition.compute(LessonFixtures.withLogits(logits));
        ClassPoll poll = start(trace);
        browser.get(poll.address());
        WebElement search = waiting().until(d -> d.findElement(By.id("search")));
        waiting().until(d -> buttons().size() == PollJson.TOP_FOR_PHONES);
        assertTrue(search.isDisplayed());
        List<String> expected = new ArrayList<>();
        for (int i : ModelSide.of(trace).mostProbable(PollJson.TOP_FOR_PHONES)) {
            expected.add("t" + i);
        }
        assertEquals(expected, words(), "the model's favourites, most probable first");
        search.sendKeys("t29");
        waiting().until(d -> words().size() > 0 && words().get(0).equals("t29"));
        assertEquals(List.of("t29", "t290", "t291", "t292", "t293", "t294", "t295", "t296", "t297", "t298", "t299"), words());
        buttons().get(3).click();
        waiting().until(d -> poll.poll().tally().counts()[292] == 1);
        search.clear();
        search.sendKeys("zzz");
        waiting().until(d -> d.findElement(By.id("listTitle")).getText().equals("No word matches."));
        assertEquals(0, buttons().size());
    }
}
