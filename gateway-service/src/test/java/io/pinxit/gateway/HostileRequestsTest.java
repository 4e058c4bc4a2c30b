package io.pinxit.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests no well-behaved client sends, written byte by byte: broken forms, protocol abuse, a decompression bomb. Each
 * is a 4xx, never a 5xx, a hang or a reset, and the gateway answers the next valid request as usual.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
class HostileRequestsTest {

    private static final String BOUNDARY = "PinxitHostile";
    private static final String OPENING = "--" + BOUNDARY + "\r\n";
    private static final String CLOSING = "--" + BOUNDARY + "--\r\n";
    private static final String REQUEST_PART =
            OPENING + "Content-Disposition: form-data; name=\"request\"\r\n\r\n{}\r\n";
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TestHTTPResource("/")
    URI gateway;

    static Stream<Arguments> brokenMultipartForms() {
        return Stream.of(
                Arguments.of("an empty body", ""),
                Arguments.of("another boundary closing it", REQUEST_PART + "--SomethingElse--\r\n"),
                Arguments.of("no closing boundary", REQUEST_PART),
                Arguments.of("a part cut mid-way",
                        OPENING + "Content-Disposition: form-data; name=\"request\"\r\n\r\n{\"co"),
                Arguments.of("a part without Content-Disposition",
                        OPENING + "Content-Type: text/plain\r\n\r\n{}\r\n" + CLOSING),
                Arguments.of("a part without a name",
                        OPENING + "Content-Disposition: form-data\r\n\r\n{}\r\n" + CLOSING),
                Arguments.of("1000 parts", (OPENING + "Content-Disposition: form-data; name=\"part\"\r\n\r\nx\r\n")
                        .repeat(1000) + CLOSING),
                Arguments.of("a base64 transfer encoding", OPENING
                        + "Content-Disposition: form-data; name=\"content\"; filename=\"a.png\"\r\n"
                        + "Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                        + Base64.getEncoder().encodeToString(TestImages.png(16, 16)) + "\r\n" + CLOSING),
                Arguments.of("a nested multipart/mixed part", OPENING
                        + "Content-Disposition: form-data; name=\"content\"\r\n"
                        + "Content-Type: multipart/mixed; boundary=Inner\r\n\r\n--Inner\r\n"
                        + "Content-Disposition: file; filename=\"a.txt\"\r\n\r\nhello\r\n--Inner--\r\n" + CLOSING),
                Arguments.of("bare LF line ends", (REQUEST_PART + CLOSING).replace("\r\n", "\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenMultipartForms")
    void aBrokenMultipartFormIsAClientError(String what, String form) throws IOException {
        byte[] body = form.getBytes(StandardCharsets.ISO_8859_1);

        RawHttp.Answer answer = RawHttp.send(gateway, "POST /api/v1/jobs/style-transfers HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer " + TestAccounts.ADMIN_KEY + "\r\n"
                + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                + "Content-Length: " + body.length + "\r\n", body, PATIENCE);

        assertThat(answer.status()).as("%s: %s", what, answer.head()).hasValueSatisfying(status ->
                assertThat(status).isBetween(400, 499));
        assertThat(answer.header("Content-Type")).contains("application/problem+json");
        theGatewayStillAnswersAValidRequest();
    }

    static Stream<Arguments> abusiveRequests() throws IOException {
        return Stream.of(
                Arguments.of("a request line of 20,000 characters", "GET /api/v1/jobs?model=" + "a".repeat(20_000)
                        + " HTTP/1.1\r\nHost: localhost\r\n", new byte[0], false),
                Arguments.of("a header of 64 KiB", "GET /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
                        + "a".repeat(64 * 1024) + "\r\n", new byte[0], false),
                Arguments.of("an encoded path traversal", "GET /api/v1/jobs/..%2f..%2fq%2fmetrics HTTP/1.1\r\n"
                        + "Host: localhost\r\n", new byte[0], true),
                Arguments.of("an id that is an encoded NUL", "GET /api/v1/jobs/%00 HTTP/1.1\r\nHost: localhost\r\n",
                        new byte[0], true),
                Arguments.of("a gzip bomb of 10 MB of zeros", "POST /api/v1/jobs/generations HTTP/1.1\r\n"
                        + "Host: localhost\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n",
                        gzippedZeros(10 * 1024 * 1024), true));
    }

    /**
     * Requests that abuse the protocol rather than a form: each is a 4xx (a problem where the application answers it;
     * Vert.x answers an over-long request line or header itself, in plain text), and the gateway goes on.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("abusiveRequests")
    void anAbusiveRequestIsAClientError(String what, String head, byte[] body, boolean answeredByTheApplication)
            throws IOException {
        String withKey = head + "Authorization: Bearer " + TestAccounts.ADMIN_KEY + "\r\n"
                + (body.length > 0 ? "Content-Length: " + body.length + "\r\n" : "");

        RawHttp.Answer answer = RawHttp.send(gateway, withKey, body, PATIENCE);

        assertThat(answer.status()).as("%s: %s", what, answer.head()).hasValueSatisfying(status ->
                assertThat(status).isBetween(400, 499));
        if (answeredByTheApplication) {
            assertThat(answer.header("Content-Type")).as(what).contains("application/problem+json");
        }
        theGatewayStillAnswersAValidRequest();
    }

    @Test
    void aMalformedChunkedBodyEndsItsConnectionWithoutAHangAndTheGatewayGoesOn() throws IOException {
        byte[] chunks = "zz\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

        RawHttp.Answer answer = RawHttp.send(gateway, "POST /api/v1/jobs/generations HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + TestAccounts.ADMIN_KEY + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n", chunks, PATIENCE);

        // Vert.x closes a connection whose chunk it cannot decode, unanswered; a hang would time the read out.
        answer.status().ifPresent(status -> assertThat(status).as(answer.head()).isBetween(400, 499));
        theGatewayStillAnswersAValidRequest();
    }

    private static byte[] gzippedZeros(int length) throws IOException {
        var compressed = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(compressed)) {
            gzip.write(new byte[length]);
        }
        return compressed.toByteArray();
    }

    private void theGatewayStillAnswersAValidRequest() throws IOException {
        RawHttp.Answer answer = RawHttp.send(gateway, "GET /api/v1/models HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + TestAccounts.ADMIN_KEY + "\r\n", new byte[0], PATIENCE);
        assertThat(answer.status()).contains(200);
    }
}
