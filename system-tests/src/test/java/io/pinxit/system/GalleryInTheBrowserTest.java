package io.pinxit.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The gallery's pages as a visitor sees them, in headless Chromium against the packaged suite. Each test saves a
 * screenshot of the page it checks before checking it, so a failing test leaves one too (see {@link Screenshots}).
 */
@ExtendWith(RunningSuite.Extension.class)
class GalleryInTheBrowserTest {

    private static final Duration PAGE_PATIENCE = Duration.ofSeconds(15);

    private static RunningSuite suite;
    private static HeadlessChromium chromium;
    private static Screenshots screenshots;

    /** Made by this class, each titled with a word no other artwork has, so searches find exactly them. */
    private static Job harbour;
    private static Job lanterns;
    private static Job diary;
    private static Job sketch;

    private ChromeDriver browser;

    private record Job(String title, String word, List<String> artworkIds) {
    }

    @BeforeAll
    static void makeArtworksToLookAt(RunningSuite running) {
        suite = running;
        chromium = new HeadlessChromium(Path.of("target/chromium"));
        screenshots = Screenshots.of(running.repository());
        harbour = generate("Harbour at dusk", 3, 11);
        lanterns = generate("Paper lanterns", 2, 12);
        diary = generate("Private diary", 1, 13, "PRIVATE");
        sketch = generate("Pencil sketch", 1, 14);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theGridShowsTheArtworksJustMadeWithTheirTitles() {
        browser = chromium.openWindow(1280, 900);
        browser.get(suite.gallery() + "/");
        screenshots.save(browser, "grid");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Newest artworks");
        Map<String, String> titlesByHref = tileTitlesByHref();
        assertThat(titlesByHref).containsKeys(hrefs(harbour)).containsKeys(hrefs(lanterns));
        assertThat(titlesByHref.get(hrefs(harbour)[0])).isEqualTo(harbour.title());
        assertThat(titlesByHref.get(hrefs(lanterns)[0])).isEqualTo(lanterns.title());
    }

    @Test
    void searchingAWordAndPickingAKindNarrowTheGridAndTravelInTheUrl() {
        browser = chromium.openWindow(1280, 900);
        browser.get(suite.gallery() + "/");

        browser.findElement(By.id("q")).sendKeys(harbour.word());
        new Select(browser.findElement(By.id("kind"))).selectByValue("generated");
        show();
        screenshots.save(browser, "grid-filtered");

        assertThat(queryOf(browser.getCurrentUrl())).containsEntry("q", harbour.word())
                .containsEntry("kind", "generated");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Artworks found");
        assertThat(tileTitlesByHref().keySet()).containsExactlyInAnyOrder(hrefs(harbour));
        assertThat(browser.findElement(By.id("q")).getDomProperty("value")).isEqualTo(harbour.word());
        assertThat(new Select(browser.findElement(By.id("kind"))).getFirstSelectedOption().getText())
                .isEqualTo("generated");

        new Select(browser.findElement(By.id("kind"))).selectByValue("upscaled");
        show();

        assertThat(queryOf(browser.getCurrentUrl())).containsEntry("kind", "upscaled");
        assertThat(tileTitlesByHref()).isEmpty();
        assertThat(browser.findElement(By.id("content")).getText()).contains("No artworks match these filters.");
    }

    @Test
    void anArtworksPageShowsItsProvenanceItsSignedManifestAndItsLineage() {
        browser = chromium.openWindow(1280, 900);
        browser.get(suite.gallery() + "/?kind=generated&q=" + lanterns.word());
        browser.findElement(By.cssSelector("ul.grid a.title")).click();
        await().atMost(PAGE_PATIENCE).until(() -> browser.getCurrentUrl().contains("/artworks/"));
        String id = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        screenshots.saveWholePage(browser, "artwork");

        assertThat(lanterns.artworkIds()).contains(id);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(lanterns.title());
        assertThat(browser.findElement(By.id("provenance-badge")).getText()).startsWith("Trusted.");

        WebElement manifest = section("manifest");
        assertThat(manifest.findElement(By.tagName("h2")).getText()).isEqualTo("What its signed manifest says");
        assertThat(facts(manifest)).containsEntry("Signature", "valid")
                .containsEntry("Binding", "intact: the pixels are the ones that were signed")
                .containsEntry("Title", lanterns.title())
                .containsEntry("Author", "admin")
                .containsEntry("Licence", "CC-BY-4.0");

        assertThat(facts(section("model-card"))).containsKeys("Made for", "Limitations", "Learned from", "Trained by");

        WebElement lineage = section("lineage");
        assertThat(lineage.getText())
                .contains("Nothing: a model made it from a seed, and nothing has been made from it yet.");
        assertThat(lineage.findElements(By.cssSelector("svg.lineage-graph")))
                .as("a seed-made artwork with no children has no graph").isEmpty();

        WebElement download = browser.findElement(By.linkText("Download the original"));
        assertThat(download.getDomAttribute("download")).isNotBlank();
        byte[] downloaded = given().get(download.getDomProperty("href")).then().statusCode(200).extract()
                .asByteArray();
        assertThat(downloaded).isEqualTo(suite.image(id));
    }

    @Test
    void theVerifyPageTrustsAnOriginalDownloadedFromTheGallery() throws IOException {
        String id = harbour.artworkIds().get(0);
        Path original = Files.createDirectories(Path.of("target/downloads")).resolve(id + ".png");
        Files.write(original, suite.image(id));
        browser = chromium.openWindow(1280, 900);
        browser.get(suite.gallery() + "/verify");

        browser.findElement(By.cssSelector("input[type=file][name=file]"))
                .sendKeys(original.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form.verify button[type=submit]")).click();
        await().atMost(PAGE_PATIENCE).until(() -> browser.findElement(By.tagName("h1")).getText()
                .equals("Verification"));
        screenshots.saveWholePage(browser, "verify-report");

        assertThat(browser.findElement(By.cssSelector("p.verdict")).getText()).startsWith("Trusted.");
        assertThat(facts(section("manifest"))).containsEntry("Title", harbour.title());
        assertThat(section("known").findElements(By.cssSelector("a")))
                .extracting(link -> link.getDomAttribute("href")).contains("/artworks/" + id);
    }

    @Test
    void signingInWithAnApiKeyShowsOnesOwnPrivateWorkAndSigningOutHidesItAgain() {
        browser = chromium.openWindow(1280, 900);
        browser.get(suite.gallery() + "/?q=" + diary.word());
        assertThat(tileTitlesByHref()).isEmpty();

        signIn();
        browser.get(suite.gallery() + "/?q=" + diary.word());
        screenshots.save(browser, "grid-signed-in");

        assertThat(tileTitlesByHref()).containsOnlyKeys(hrefs(diary));

        browser.findElement(By.cssSelector("header .account button")).click();
        await().atMost(PAGE_PATIENCE).until(() -> browser.findElement(By.cssSelector("header .account")).getText()
                .contains("Sign in"));
        browser.get(suite.gallery() + "/?q=" + diary.word());
        assertThat(tileTitlesByHref()).isEmpty();
    }

    @Test
    void enlargingAnArtworkFromItsPageMakesASignedChildThatTheLineageGraphLinksBack() {
        String parent = sketch.artworkIds().get(0);
        browser = chromium.openWindow(1280, 900);
        signIn();
        browser.get(suite.gallery() + "/artworks/" + parent);

        browser.findElement(By.xpath("//button[normalize-space()='Enlarge ×2']")).click();
        // The job page reloads itself until the job has finished, so an element read mid-reload can go stale or
        // leave the document under the driver's hands.
        await().atMost(Duration.ofMinutes(1)).ignoreExceptionsInstanceOf(WebDriverException.class)
                .until(() -> browser.findElements(By.id("job-state")).stream()
                        .anyMatch(state -> state.getText().equals("SUCCEEDED")));
        screenshots.save(browser, "job");
        browser.findElement(By.cssSelector("main ul a")).click();
        await().atMost(PAGE_PATIENCE).until(() -> !browser.getCurrentUrl().contains("/jobs/"));
        screenshots.saveWholePage(browser, "artwork-lineage");

        assertThat(browser.findElement(By.id("provenance-badge")).getText()).startsWith("Trusted.");
        assertThat(facts(section("made-with"))).containsEntry("Kind", "upscaled");
        WebElement graph = section("lineage").findElement(By.cssSelector("svg.lineage-graph"));
        assertThat(graph.findElements(By.tagName("a"))).extracting(link -> link.getDomAttribute("href"))
                .contains("/artworks/" + parent);
        assertThat(section("lineage").getText()).contains("(upscale)");
    }

    @Test
    void aVaesPictureOffersVariationsThatBecomeItsChildren() {
        String location = suite.asAdmin().contentType(ContentType.JSON)
                .body("{\"model\":\"emoji-vae\",\"label\":\"animals-nature\",\"count\":1,\"seed\":31}")
                .post("/api/v1/jobs/generations").then().statusCode(202).extract().header("Location");
        String parent = suite.awaitSuccess(location).getList("artworkIds", String.class).get(0);
        browser = chromium.openWindow(1280, 900);
        signIn();
        browser.get(suite.gallery() + "/artworks/" + parent);

        browser.findElement(By.xpath("//button[normalize-space()='4 close variations']")).click();
        await().atMost(Duration.ofMinutes(1)).ignoreExceptionsInstanceOf(WebDriverException.class)
                .until(() -> browser.findElements(By.id("job-state")).stream()
                        .anyMatch(state -> state.getText().equals("SUCCEEDED")));
        assertThat(browser.findElements(By.cssSelector("main ul a"))).hasSize(4);
        browser.findElement(By.cssSelector("main ul a")).click();
        await().atMost(PAGE_PATIENCE).until(() -> !browser.getCurrentUrl().contains("/jobs/"));
        screenshots.saveWholePage(browser, "artwork-variation");

        assertThat(facts(section("made-with"))).containsEntry("Kind", "variation").containsEntry("Label",
                "animals-nature");
        assertThat(section("lineage").findElements(By.cssSelector("svg.lineage-graph a")))
                .extracting(link -> link.getDomAttribute("href")).contains("/artworks/" + parent);
        assertThat(section("lineage").getText()).contains("(variation)");
    }

    @Test
    void anArtworkCanBePaintedInTheShippedFastStyleFromItsPage() {
        String content = sketch.artworkIds().get(0);
        browser = chromium.openWindow(1280, 900);
        signIn();
        browser.get(suite.gallery() + "/artworks/" + content);

        WebElement form = browser.findElement(By.cssSelector("form.paint"));
        assertThat(form.getText()).contains("Paint it in a style", "The Great Wave off Kanagawa", "Katsushika Hokusai");
        form.findElement(By.xpath(".//label[contains(., 'The Great Wave off Kanagawa')]//input")).click();
        form.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofMinutes(1)).ignoreExceptionsInstanceOf(WebDriverException.class)
                .until(() -> browser.findElements(By.id("job-state")).stream()
                        .anyMatch(state -> state.getText().equals("SUCCEEDED")));
        browser.findElement(By.cssSelector("main ul a")).click();
        await().atMost(PAGE_PATIENCE).until(() -> !browser.getCurrentUrl().contains("/jobs/"));
        screenshots.saveWholePage(browser, "artwork-styled");

        assertThat(facts(section("made-with"))).containsEntry("Kind", "styled");
        assertThat(section("lineage").findElements(By.cssSelector("svg.lineage-graph a")))
                .extracting(link -> link.getDomAttribute("href")).contains("/artworks/" + content);
    }

    @Test
    void myJobsListsTheJobsOneSubmittedNewestFirstWithTheirStates() {
        String location = suite.asAdmin().contentType(ContentType.JSON)
                .body("{\"model\":\"emoji-dcgan\",\"count\":1,\"seed\":41}")
                .post("/api/v1/jobs/generations").then().statusCode(202).extract().header("Location");
        String jobHref = URI.create(location).getPath().replace("/api/v1", "");
        suite.awaitSuccess(location);
        browser = chromium.openWindow(1280, 900);
        signIn();

        browser.findElement(By.linkText("My jobs")).click();
        await().atMost(PAGE_PATIENCE).until(() -> browser.getCurrentUrl().endsWith("/jobs"));
        screenshots.save(browser, "my-jobs");

        WebElement row = browser.findElement(By.xpath("//table[@class='jobs']//tr[.//a[@href='" + jobHref + "']]"));
        assertThat(row.getText()).contains("generation", "succeeded");
        List<String> hrefs = browser.findElements(By.cssSelector("table.jobs tbody a")).stream()
                .map(link -> link.getDomAttribute("href")).toList();
        assertThat(hrefs).doesNotHaveDuplicates().first().isEqualTo(jobHref);
        row.findElement(By.tagName("a")).click();
        await().atMost(PAGE_PATIENCE).until(() -> browser.getCurrentUrl().endsWith(jobHref));
        assertThat(browser.findElement(By.id("job-state")).getText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void theGridFitsAPhoneScreenWithoutScrollingSideways() {
        browser = chromium.openPhone(390, 844);
        browser.get(suite.gallery() + "/");
        screenshots.save(browser, "grid-phone");

        assertThat(tileTitlesByHref()).containsKeys(hrefs(lanterns));
        long pageWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
        long screenWidth = (Long) browser.executeScript("return window.innerWidth");
        assertThat(screenWidth).isEqualTo(390);
        assertThat(pageWidth).isLessThanOrEqualTo(screenWidth);
    }

    private static Job generate(String subject, int count, long seed) {
        return generate(subject, count, seed, "PUBLIC");
    }

    private static Job generate(String subject, int count, long seed, String visibility) {
        String word = uniqueWord();
        String title = subject + " " + word;
        String location = suite.asAdmin().contentType(ContentType.JSON)
                .body("{\"model\":\"emoji-dcgan\",\"count\":" + count + ",\"seed\":" + seed + ",\"title\":\"" + title
                        + "\",\"licence\":\"CC-BY-4.0\",\"visibility\":\"" + visibility + "\"}")
                .post("/api/v1/jobs/generations").then().statusCode(202).extract().header("Location");
        return new Job(title, word, suite.awaitSuccess(location).getList("artworkIds", String.class));
    }

    private void signIn() {
        browser.get(suite.gallery() + "/sign-in");
        browser.findElement(By.id("key")).sendKeys(suite.adminKey());
        browser.findElement(By.cssSelector("form.verify button[type=submit]")).click();
        await().atMost(PAGE_PATIENCE).until(() -> browser.findElement(By.cssSelector("header .account")).getText()
                .contains("Signed in as admin"));
    }

    /** Letters only, so the gallery's full-text search treats it as one word of its own. */
    private static String uniqueWord() {
        var random = ThreadLocalRandom.current();
        var word = new StringBuilder("q");
        for (int letter = 0; letter < 7; letter++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private void show() {
        String before = browser.getCurrentUrl();
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        await().atMost(PAGE_PATIENCE).until(() -> !browser.getCurrentUrl().equals(before));
    }

    /** The grid's tiles: each title link's href (as written in the page) and its text. */
    private Map<String, String> tileTitlesByHref() {
        return browser.findElements(By.cssSelector("ul.grid a.title")).stream()
                .collect(Collectors.toMap(link -> link.getDomAttribute("href"), WebElement::getText));
    }

    private WebElement section(String headingId) {
        return browser.findElement(By.cssSelector("section[aria-labelledby='" + headingId + "']"));
    }

    /** A definition list's terms and their descriptions, in the order of the page. */
    private static Map<String, String> facts(WebElement container) {
        List<WebElement> terms = container.findElements(By.cssSelector("dl.facts > dt"));
        List<WebElement> descriptions = container.findElements(By.cssSelector("dl.facts > dd"));
        assertThat(descriptions).hasSameSizeAs(terms);
        var facts = new LinkedHashMap<String, String>();
        for (int index = 0; index < terms.size(); index++) {
            facts.put(terms.get(index).getText(), descriptions.get(index).getText());
        }
        return facts;
    }

    private static String[] hrefs(Job job) {
        return job.artworkIds().stream().map(id -> "/artworks/" + id).toArray(String[]::new);
    }

    private static Map<String, String> queryOf(String url) {
        String query = URI.create(url).getRawQuery();
        return Arrays.stream(query == null ? new String[0] : query.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length < 2 ? "" : URLDecoder.decode(pair[1], StandardCharsets.UTF_8),
                        (first, second) -> first));
    }
}
