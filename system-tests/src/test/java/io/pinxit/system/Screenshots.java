package io.pinxit.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * PNG screenshots of the browser tests: always kept under target/screenshots as test artefacts, and copied to
 * docs/screenshots when the tests run with {@code -Dpinxit.screenshots.docs=true}.
 */
record Screenshots(Path artefacts, Optional<Path> docs) {

    static final String DOCS_PROPERTY = "pinxit.screenshots.docs";
    private static final int TALLEST_PAGE = 4000;
    private static final Duration IMAGE_PATIENCE = Duration.ofSeconds(10);
    private static final String IMAGES_IN_VIEW_LOADED = """
            return Array.from(document.images)
                .filter(image => {
                    const box = image.getBoundingClientRect();
                    return box.bottom > 0 && box.top < window.innerHeight;
                })
                .every(image => image.complete);
            """;

    static Screenshots of(Path repository) {
        Optional<Path> docs = Boolean.getBoolean(DOCS_PROPERTY)
                ? Optional.of(repository.resolve("docs/screenshots"))
                : Optional.empty();
        return new Screenshots(Path.of("target/screenshots"), docs);
    }

    /** What the window shows once the pictures in it have loaded (thumbnails load lazily, after the page). */
    Path save(ChromeDriver browser, String name) {
        await().atMost(IMAGE_PATIENCE).until(() -> (Boolean) browser.executeScript(IMAGES_IN_VIEW_LOADED));
        return write(browser.getScreenshotAs(OutputType.BYTES), name);
    }

    /** The whole page, the window stretched to its height (at most 4000 pixels) while the picture is taken. */
    Path saveWholePage(ChromeDriver browser, String name) {
        WebDriver.Window window = browser.manage().window();
        Dimension before = window.getSize();
        long pageHeight = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        long frame = (Long) browser.executeScript("return window.outerHeight - window.innerHeight");
        window.setSize(new Dimension(before.getWidth(), (int) (Math.min(pageHeight, TALLEST_PAGE) + frame)));
        try {
            return save(browser, name);
        } finally {
            window.setSize(before);
        }
    }

    private Path write(byte[] png, String name) {
        try {
            Path file = Files.createDirectories(artefacts).resolve(name + ".png");
            Files.write(file, png);
            if (docs.isPresent()) {
                Files.copy(file, Files.createDirectories(docs.get()).resolve(file.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
