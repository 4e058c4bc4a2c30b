package io.pinxit.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, through Debian's chromedriver; tools/install-debian-packages.sh installs both. Both paths are
 * given explicitly so Selenium Manager never runs: it would download a driver and report usage statistics.
 */
final class HeadlessChromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /** Selenium warns on every start that it has no DevTools binding for this chromium; the tests use none. */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    private final Path scratch;

    /** @param scratch where chromium keeps its throw-away profiles, instead of the system temp folder */
    HeadlessChromium(Path scratch) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException(BROWSER + " and " + DRIVER
                    + " are needed for the browser tests: run tools/install-debian-packages.sh (./mvnw verify does)");
        }
        try {
            this.scratch = Files.createDirectories(scratch).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A desktop window whose page area is {@code width} × {@code height} CSS pixels; the caller quits it. */
    ChromeDriver openWindow(int width, int height) {
        ChromeDriver browser = open(options().addArguments("--window-size=" + width + "," + height));
        long frameWidth = (Long) browser.executeScript("return window.outerWidth - window.innerWidth");
        long frameHeight = (Long) browser.executeScript("return window.outerHeight - window.innerHeight");
        if (frameWidth != 0 || frameHeight != 0) {
            browser.manage().window().setSize(new Dimension(width + (int) frameWidth, height + (int) frameHeight));
        }
        return browser;
    }

    /** A phone's screen, {@code width} × {@code height} CSS pixels at twice the density; the caller quits it. */
    ChromeDriver openPhone(int width, int height) {
        var metrics = Map.of("width", width, "height", height, "pixelRatio", 2.0, "mobile", true, "touch", true);
        return open(options().setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", metrics)));
    }

    private ChromeDriver open(ChromeOptions options) {
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("TMPDIR", scratch.toString(), "HOME", scratch.toString()))
                .withSilent(true)
                .build();
        var browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    private static ChromeOptions options() {
        return new ChromeOptions()
                .setBinary(BROWSER.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars",
                        "--force-device-scale-factor=1", "--no-first-run",
                        "--disable-background-networking", "--disable-sync", "--disable-component-update");
    }
}
