package org.helpdesktriage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium, driven by Selenium through Debian's chromedriver (named
 * explicitly, so Selenium Manager downloads nothing): opens a report, says what the page
 * logged and which URLs it requested, counts marks and reads tables, takes screenshots.
 * CI installs both packages (.ci/run); a machine without them fails the tests that use it.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** What opening a page gave: its console messages and every URL it requested. */
    record Visit(List<LogEntry> console, List<String> requests) {
    }

    static Browser start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException(CHROMIUM + " and " + CHROMEDRIVER + " are needed: "
                    + "apt-get install chromium chromium-driver (.ci/run does)");
        }
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY,
                CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory("report-browser");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // the machine's network is closed: Chromium's own connections are switched off
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    /** Opens {@code file} and returns what the page logged and requested while loading. */
    Visit open(Path file) {
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().logs().get(LogType.PERFORMANCE);
        driver.get(file.toUri().toString());
        List<LogEntry> console = new ArrayList<>(driver.manage().logs().get(LogType.BROWSER)
                .getAll());
        List<String> requests = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = MAPPER.readTree(e.getMessage()).path("message");
                if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                    requests.add(message.path("params").path("request").path("url").asText());
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return new Visit(console, requests);
    }

    /** Returns how many elements {@code css} selects. */
    int count(String css) {
        return driver.findElements(By.cssSelector(css)).size();
    }

    /** Returns the element {@code css} selects. */
    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /**
     * Returns the body rows of the table {@code data-table=id}: each cell's exact value when it
     * has one ({@code data-value}), else its text.
     */
    List<List<String>> table(String id) {
        List<List<String>> rows = new ArrayList<>();
        for (WebElement tr : driver.findElements(By.cssSelector("table[data-table='" + id
                + "'] tbody tr"))) {
            List<String> row = new ArrayList<>();
            for (WebElement cell : tr.findElements(By.cssSelector("th, td"))) {
                String value = cell.getAttribute("data-value");
                row.add(value != null ? value : cell.getText());
            }
            rows.add(row);
        }
        return rows;
    }

    /** Runs a script in the page and returns its result. */
    Object script(String js) {
        return driver.executeScript(js);
    }

    /** Emulates the system's colour scheme ({@code dark} or {@code light}). */
    void colorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of(
                Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Writes a PNG of the whole page (beyond the window) to {@code png}. */
    void screenshot(Path png) throws IOException {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true));
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** Returns the page printed to PDF (A4 by the page's own @page rule), as bytes. */
    byte[] pdf() {
        Map<String, Object> pdf = driver.executeCdpCommand("Page.printToPDF", Map.of(
                "preferCSSPageSize", true, "printBackground", true));
        return Base64.getDecoder().decode((String) pdf.get("data"));
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
