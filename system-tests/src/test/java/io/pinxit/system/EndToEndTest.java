package io.pinxit.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One picture end to end: the four packaged services as child JVMs on real Kafka, PostgreSQL and S3. */
@ExtendWith(RunningSuite.Extension.class)
class EndToEndTest {

    private static RunningSuite suite;
    private static String gateway;
    private static String gallery;

    @BeforeAll
    static void useTheRunningSuite(RunningSuite running) {
        suite = running;
        gateway = running.gateway();
        gallery = running.gallery();
    }

    @Test
    void aGenerationJobFlowsFromTheGatewayToTheGallery() throws IOException {
        long submitted = System.nanoTime();
        String location = asAdmin().contentType(ContentType.JSON)
                .header("Idempotency-Key", "e2e-" + UUID.randomUUID())
                .body("{\"model\":\"emoji-dcgan\",\"count\":4,\"seed\":42,\"title\":\"Four faces\","
                        + "\"licence\":\"CC-BY-4.0\"}")
                .post("/api/v1/jobs/generations").then()
                .statusCode(202).body("state", equalTo("QUEUED"))
                .extract().header("Location");

        JsonPath job = awaitSuccess(location);
        System.out.printf("e2e: a job of 4 pictures went from 202 to SUCCEEDED in %d ms%n", millisSince(submitted));
        List<String> artworks = job.getList("artworkIds");
        assertThat(artworks).hasSize(4);

        List<String> listed = given().baseUri(gallery).queryParam("limit", 100).get("/api/v1/artworks")
                .then().statusCode(200).extract().path("items.id");
        assertThat(listed).containsAll(artworks);

        String weightsSha256 = asAdmin().get("/api/v1/models").then().extract()
                .path("find { it.id == 'emoji-dcgan' }.card.weightsSha256");
        String first = artworks.get(0);
        JsonPath artwork = given().baseUri(gallery).get("/api/v1/artworks/" + first)
                .then().statusCode(200).extract().jsonPath();
        assertThat(artwork.getString("jobId")).isEqualTo(job.getString("id"));
        assertThat(artwork.getString("provenance.model.id")).isEqualTo("emoji-dcgan");
        assertThat(artwork.getString("provenance.model.weightsSha256")).isEqualTo(weightsSha256);
        assertThat(artwork.getLong("provenance.parameters.seed")).isEqualTo(42L);
        assertThat(artwork.getString("provenance.producer.service")).isEqualTo("generation-service");
        assertThat(artwork.getString("provenance.producer.platform.device")).isEqualTo("cpu()");
        assertThat(artwork.getString("provenance.producer.platform.kernels")).matches("(default|avx2|avx512)(/onednn<=.+)?");
        assertThat(artwork.getString("provenance.producer.platform.libraries")).startsWith("PyTorch 2.7.1 via DJL 0.35.1");
        assertThat(artwork.getList("provenance.credits.licence")).contains("CC-BY-4.0");
        assertThat(artwork.getString("author")).isEqualTo("admin");
        assertThat(artwork.getString("title")).isEqualTo("Four faces");

        byte[] png = image(first);
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(picture.getWidth()).isEqualTo(artwork.getInt("width")).isEqualTo(32);
        assertThat(picture.getHeight()).isEqualTo(artwork.getInt("height")).isEqualTo(32);
        assertThat(sha256(png)).isEqualTo(artwork.getString("sha256"));

        given().baseUri(gallery).contentType("image/png").body(png).post("/api/v1/verify").then()
                .statusCode(200)
                .body("verdict", equalTo("TRUSTED"))
                .body("manifest.author", equalTo("admin"))
                .body("manifest.generation.jobId", equalTo(job.getString("id")))
                .body("knownArtworks.id", hasItem(first));

        String reproduction = asAdmin().post("/api/v1/artworks/" + first + "/reproduce").then()
                .statusCode(202).extract().header("Location");
        JsonPath reproduced = awaitSuccess(reproduction);
        assertThat(reproduced.getBoolean("reproduction.identical")).isTrue();
        assertThat(reproduced.getString("reproduction.closeness")).isEqualTo("IDENTICAL");
        assertThat(reproduced.getBoolean("reproduction.platformDiffers")).as("the same worker made both").isFalse();
        assertThat(reproduced.getString("reproduction.platform.kernels")).isNotBlank();
    }

    @Test
    void anUpscaledPictureIsASignedChildOfItsParentInTheGallery() throws IOException {
        String parent = awaitSuccess(submit(1, 77)).getList("artworkIds", String.class).get(0);

        long submitted = System.nanoTime();
        String location = asAdmin().contentType(ContentType.JSON)
                .body("{\"artworkId\":\"" + parent + "\",\"factor\":2,\"title\":\"Twice as big\"}")
                .post("/api/v1/jobs/upscales").then()
                .statusCode(202).body("kind", equalTo("UPSCALE")).body("state", equalTo("QUEUED"))
                .extract().header("Location");
        JsonPath job = awaitSuccess(location);
        System.out.printf("e2e: an upscale went from 202 to SUCCEEDED in %d ms%n", millisSince(submitted));
        String child = job.getList("artworkIds", String.class).get(0);

        given().baseUri(gallery).get("/api/v1/artworks/" + child + "/lineage").then().statusCode(200)
                .body("ancestors.parentId", hasItem(parent))
                .body("ancestors.relation", hasItem("UPSCALE"));
        given().baseUri(gallery).get("/api/v1/artworks/" + child).then().statusCode(200)
                .body("kind", equalTo("UPSCALED"))
                .body("title", equalTo("Twice as big"))
                .body("provenance.model.id", equalTo("esrgan-slim-x2"));
        byte[] png = image(child);
        assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(64);
        given().baseUri(gallery).contentType("image/png").body(png).post("/api/v1/verify").then()
                .statusCode(200)
                .body("verdict", equalTo("TRUSTED"))
                .body("knownArtworks.id", hasItem(child));
    }

    @Test
    void aVaesVariationsAndAnInterpolationAnimationReachTheGalleryWithTheirLineage() throws IOException {
        String start = awaitSuccess(post("/api/v1/jobs/generations",
                "{\"model\":\"emoji-vae\",\"label\":\"flags\",\"count\":1,\"seed\":21}"))
                .getList("artworkIds", String.class).get(0);

        List<String> variations = awaitSuccess(post("/api/v1/jobs/generations",
                "{\"model\":\"emoji-vae\",\"count\":2,\"seed\":4,\"variationOf\":\"" + start
                        + "\",\"strength\":0.3}")).getList("artworkIds", String.class);
        given().baseUri(gallery).get("/api/v1/artworks/" + variations.get(0)).then().statusCode(200)
                .body("kind", equalTo("VARIATION"))
                .body("label", equalTo("flags"))
                .body("provenance.parents[0].artworkId", equalTo(start));

        long submitted = System.nanoTime();
        JsonPath job = awaitSuccess(post("/api/v1/jobs/interpolations",
                "{\"model\":\"emoji-vae\",\"frames\":6,\"from\":{\"artworkId\":\"" + start
                        + "\"},\"to\":{\"seed\":5,\"label\":\"animals-nature\"}}"));
        System.out.printf("e2e: a 6-frame interpolation went from 202 to SUCCEEDED in %d ms%n", millisSince(submitted));
        List<String> artworks = job.getList("artworkIds", String.class);
        assertThat(artworks).hasSize(7);
        String animation = artworks.get(6);
        given().baseUri(gallery).get("/api/v1/artworks/" + animation + "/lineage").then().statusCode(200)
                .body("ancestors.findAll { it.depth == 1 }.parentId", equalTo(artworks.subList(0, 6)))
                .body("ancestors.findAll { it.depth == 2 }.parentId", hasItem(start));
        given().baseUri(gallery).queryParam("kind", "animation").get("/api/v1/artworks").then().statusCode(200)
                .body("items.id", hasItem(animation));
        byte[] apng = image(animation);
        assertThat(new String(apng, StandardCharsets.ISO_8859_1)).contains("acTL", "fdAT");
        given().baseUri(gallery).contentType("image/png").body(apng).post("/api/v1/verify").then()
                .statusCode(200)
                .body("verdict", equalTo("TRUSTED"))
                .body("knownArtworks.id", hasItem(animation));
    }

    @Test
    void aPromptedPictureCarriesItsPromptIntoItsManifestAndIsFoundByItsWords() throws IOException {
        String title = "Prompted " + UUID.randomUUID();
        String artwork = awaitSuccess(post("/api/v1/jobs/generations",
                "{\"model\":\"emoji-words\",\"prompt\":\"Red heart\",\"count\":1,\"seed\":8,\"title\":\""
                        + title + "\"}")).getList("artworkIds", String.class).get(0);

        given().baseUri(gallery).get("/api/v1/artworks/" + artwork).then().statusCode(200)
                .body("provenance.parameters.prompt", equalTo("Red heart"));
        given().baseUri(gallery).queryParam("q", "\"" + title + "\" hearts").get("/api/v1/artworks").then()
                .statusCode(200).body("items.id", equalTo(List.of(artwork)));
        given().baseUri(gallery).contentType("image/png").body(image(artwork)).post("/api/v1/verify").then()
                .statusCode(200)
                .body("verdict", equalTo("TRUSTED"))
                .body("manifest.generation.parameters.prompt", equalTo("Red heart"))
                .body("knownArtworks.id", hasItem(artwork));
    }

    @Test
    void anUploadPaintedInTheStyleOfAnArtworkIsASignedChildOfItWithProgressOnTheWay() throws IOException {
        String style = awaitSuccess(submit(1, 88)).getList("artworkIds", String.class).get(0);
        var content = new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB);
        var graphics = content.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(0, 0, 80, 30);
        graphics.setColor(Color.BLUE);
        graphics.fillRect(0, 30, 80, 30);
        graphics.dispose();
        var png = new ByteArrayOutputStream();
        ImageIO.write(content, "png", png);

        long submitted = System.nanoTime();
        String location = asAdmin()
                .multiPart("request", "{\"style\":{\"artworkId\":\"" + style + "\"},\"size\":96,\"seed\":5}",
                        "application/json")
                .multiPart("content", "photo.png", png.toByteArray(), "image/png")
                .post("/api/v1/jobs/style-transfers").then()
                .statusCode(202).body("kind", equalTo("STYLE_TRANSFER"))
                .extract().header("Location");
        JsonPath job = awaitSuccess(location);
        System.out.printf("e2e: a 96 px style transfer went from 202 to SUCCEEDED in %d ms%n", millisSince(submitted));
        assertThat(job.getInt("progress.total")).as("the last progress the worker reported").isPositive();
        String styled = job.getList("artworkIds", String.class).get(0);

        given().baseUri(gallery).get("/api/v1/artworks/" + styled).then().statusCode(200)
                .body("kind", equalTo("STYLED"))
                .body("width", equalTo(96))
                .body("provenance.parents.relation", equalTo(List.of("STYLE")));
        given().baseUri(gallery).contentType("image/png").body(image(styled)).post("/api/v1/verify").then()
                .statusCode(200)
                .body("verdict", equalTo("TRUSTED"))
                .body("knownArtworks.id", hasItem(styled));
    }

    @Test
    void theShippedFastStylePaintsAnArtworkInOnePassAndProvenanceNamesItsNetwork() {
        String content = awaitSuccess(submit(1, 91)).getList("artworkIds", String.class).get(0);
        JsonPath styles = asAdmin().get("/api/v1/styles").then().statusCode(200).extract().jsonPath();
        String greatWave = styles.getString("items.find { it.fastStyle?.origin == 'shipped' }.id");
        String network = styles.getString("items.find { it.id == '" + greatWave + "' }.fastStyle.id");
        assertThat(greatWave).as("the style Pinxit ships with a fast network").isNotNull();

        long submitted = System.nanoTime();
        String location = asAdmin().contentType("application/json")
                .body("{\"content\":{\"artworkId\":\"" + content + "\"},\"style\":{\"styleId\":\"" + greatWave
                        + "\"},\"size\":512}")
                .post("/api/v1/jobs/style-transfers").then()
                .statusCode(202).body("request.method", equalTo("fast"))
                .extract().header("Location");
        JsonPath job = awaitSuccess(location);
        System.out.printf("e2e: a 512 px fast style transfer went from 202 to SUCCEEDED in %d ms%n",
                millisSince(submitted));
        String styled = job.getList("artworkIds", String.class).get(0);

        given().baseUri(gallery).get("/api/v1/artworks/" + styled).then().statusCode(200)
                .body("kind", equalTo("STYLED"))
                .body("width", equalTo(512))
                .body("provenance.model.id", equalTo("fast-style-great-wave"))
                .body("provenance.parameters.network.id", equalTo(network))
                .body("provenance.credits.attribution", hasItem(containsString("Hokusai")));
    }

    @Test
    void theSameSeedModelAndCountGiveBitIdenticalPixels() throws IOException {
        List<String> first = awaitSuccess(submit(2, 7)).getList("artworkIds");
        List<String> second = awaitSuccess(submit(2, 7)).getList("artworkIds");

        assertThat(second).doesNotContainAnyElementsOf(first);
        for (int index = 0; index < first.size(); index++) {
            assertThat(pixels(image(second.get(index)))).isEqualTo(pixels(image(first.get(index))));
        }
        assertThat(pixels(image(first.get(0)))).isNotEqualTo(pixels(image(first.get(1))));
    }

    @Test
    void privateWorkIsSeenOnlyByItsAuthorInEveryApi() {
        String ada = Accounts.make(suite, "ada").key();
        String bob = Accounts.make(suite, "bob").key();
        String location = given().baseUri(gateway).header("Authorization", "Bearer " + ada)
                .contentType(ContentType.JSON)
                .body("{\"model\":\"emoji-dcgan\",\"count\":1,\"seed\":3,\"visibility\":\"PRIVATE\"}")
                .post("/api/v1/jobs/generations").then().statusCode(202).extract().header("Location");
        String artwork = awaitSuccess(location).getList("artworkIds", String.class).get(0);

        given().baseUri(gallery).get("/api/v1/artworks/" + artwork).then().statusCode(404);
        given().baseUri(gallery).header("Authorization", "Bearer " + bob).get("/api/v1/artworks/" + artwork)
                .then().statusCode(404);
        given().baseUri(gateway).header("Authorization", "Bearer " + bob).get(location).then().statusCode(404);
        given().baseUri(gallery).header("Authorization", "Bearer " + ada).get("/api/v1/artworks/" + artwork)
                .then().statusCode(200).body("visibility", equalTo("PRIVATE"));
        List<String> listedForAda = given().baseUri(gallery).header("Authorization", "Bearer " + ada)
                .queryParam("limit", 100).get("/api/v1/artworks").then().statusCode(200).extract().path("items.id");
        assertThat(listedForAda).contains(artwork);
        List<String> listedForAll = given().baseUri(gallery).queryParam("limit", 100).get("/api/v1/artworks")
                .then().statusCode(200).header("Vary", "Authorization, Cookie").extract().path("items.id");
        assertThat(listedForAll).doesNotContain(artwork);
        given().baseUri(gallery).header("Authorization", "Bearer " + ada).get("/api/v1/artworks").then()
                .header("Cache-Control", "private, no-store").header("Vary", "Authorization, Cookie");
        SignedInBrowser.signIn(gallery, ada).request().get("/").then().statusCode(200)
                .header("Cache-Control", "private, no-store").body(containsString("My jobs"));
    }

    private static RequestSpecification asAdmin() {
        return suite.asAdmin();
    }

    private static String submit(int count, long seed) {
        return post("/api/v1/jobs/generations", "{\"model\":\"emoji-dcgan\",\"count\":" + count + ",\"seed\":"
                + seed + "}");
    }

    /** Submits a job as the admin; its location. */
    private static String post(String path, String body) {
        return asAdmin().contentType(ContentType.JSON).body(body).post(path).then().statusCode(202).extract()
                .header("Location");
    }

    private static JsonPath awaitSuccess(String location) {
        return suite.awaitSuccess(location);
    }

    private static byte[] image(String artworkId) {
        return suite.image(artworkId);
    }

    private static int[] pixels(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
