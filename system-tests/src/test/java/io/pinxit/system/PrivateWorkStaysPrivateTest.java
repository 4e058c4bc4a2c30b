package io.pinxit.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A walk through every gallery and gateway route that lists artworks or jobs, or leads from a public artwork to its
 * relatives, as people who may not find an account's unlisted and private work: none of it may appear, not even its
 * id. Alice enlarges her
 * public picture twice, once as a private child and once as an unlisted one; the children look just like their parent,
 * so "more like this" would find them, and the lineage of the parent leads to them.
 */
@ExtendWith(RunningSuite.Extension.class)
class PrivateWorkStaysPrivateTest {

    private static RunningSuite suite;
    private static Accounts.Account alice;
    private static String parent;
    private static String parentWord;
    private static List<String> hidden;

    @BeforeAll
    static void aliceEnlargesHerPublicPicturePrivatelyAndUnlisted(RunningSuite running) {
        suite = running;
        alice = Accounts.make(suite, "alice");
        parentWord = "q" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        String location = alice.atGateway().contentType(ContentType.JSON)
                .body("{\"model\":\"emoji-dcgan\",\"count\":1,\"seed\":21,\"title\":\"" + parentWord + "\"}")
                .post("/api/v1/jobs/generations").then().statusCode(202).extract().header("Location");
        parent = suite.awaitSuccess(location).getList("artworkIds", String.class).get(0);
        hidden = new ArrayList<>();
        for (String visibility : List.of("PRIVATE", "UNLISTED")) {
            String job = alice.atGateway().contentType(ContentType.JSON)
                    .body("{\"artworkId\":\"" + parent + "\",\"factor\":2,\"visibility\":\"" + visibility
                            + "\",\"title\":\"" + parentWord + " " + visibility.toLowerCase() + "\"}")
                    .post("/api/v1/jobs/upscales").then().statusCode(202).extract().header("Location");
            hidden.add(job.substring(job.lastIndexOf('/') + 1));
            hidden.add(suite.awaitSuccess(job).getList("artworkIds", String.class).get(0));
        }
    }

    @Test
    void theAuthorSeesHerUnlistedAndPrivateWorkWhereverItIsListed() {
        Map<String, String> answers = walk(alice.key());

        assertThat(String.join("\n", answers.values())).as("the walk reaches every hidden id when it may")
                .contains(hidden);
    }

    @Test
    void noOneElseSeesAnyOfItNorItsIds() {
        var viewers = new LinkedHashMap<String, String>();
        viewers.put("anonymous", null);
        viewers.put("another account", Accounts.make(suite, "bob").key());
        viewers.put("the author's key without jobs:read", alice.keyWith("jobs:submit"));

        var leaks = new ArrayList<String>();
        viewers.forEach((viewer, key) -> walk(key).forEach((route, answer) -> hidden.stream()
                .filter(answer::contains)
                .forEach(id -> leaks.add(viewer + " found " + id + " at " + route))));
        assertThat(leaks).isEmpty();
    }

    /**
     * Every route that lists artworks or jobs, or shows relatives of an artwork one may see, as the holder of
     * {@code key}: route → body. Routes that take a hidden id itself are the authorisation matrices' to check.
     */
    private static Map<String, String> walk(String key) {
        var routes = new LinkedHashMap<String, String>();
        for (String path : List.of("/api/v1/artworks?limit=100", "/api/v1/artworks?q=" + parentWord,
                "/api/v1/artworks?author=" + alice.id() + "&limit=100", "/api/v1/artworks/" + parent,
                "/api/v1/artworks/" + parent + "/lineage", "/api/v1/artworks/" + parent + "/similar?limit=48",
                "/", "/?q=" + parentWord, "/?author=" + alice.id(), "/artworks/" + parent)) {
            routes.put("gallery " + path, as(key, suite.gallery()).get(path).asString());
        }
        for (String path : List.of("/api/v1/jobs?limit=100", "/api/v1/jobs?limit=100&author=all")) {
            routes.put("gateway " + path, as(key, suite.gateway()).get(path).asString());
        }
        return routes;
    }

    private static RequestSpecification as(String key, String base) {
        RequestSpecification request = given().baseUri(base);
        return key == null ? request : request.header("Authorization", "Bearer " + key);
    }
}
