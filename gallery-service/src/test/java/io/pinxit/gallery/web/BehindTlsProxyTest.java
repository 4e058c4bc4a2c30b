package io.pinxit.gallery.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.pinxit.problem.StrictTransportSecurity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gallery as the cluster runs it (and as its test configuration does), behind a TLS-terminating ingress whose
 * X-Forwarded-* it trusts: what the ingress served over HTTPS says so (HSTS) and sets only Secure cookies; what reached
 * it over plain HTTP says nothing of HSTS.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class BehindTlsProxyTest {

    @Test
    void everyAnswerServedOverHttpsAsksBrowsersToKeepToHttps() {
        for (String path : List.of("/", "/sign-in", "/gallery.css", "/api/v1/artworks", "/no-such-page")) {
            given().header("X-Forwarded-Proto", "https").get(path).then()
                    .header(StrictTransportSecurity.HEADER, StrictTransportSecurity.ONE_YEAR);
            given().get(path).then().header(StrictTransportSecurity.HEADER, nullValue());
        }
    }

    @Test
    void theSignInFormsCookieIsSecureOverHttps() {
        given().header("X-Forwarded-Proto", "https").get("/sign-in").then()
                .header("Set-Cookie", containsString("Secure"));
    }
}
