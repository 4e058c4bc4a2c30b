package io.pinxit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pinxit.infra.LoopbackPorts;
import io.pinxit.infra.S3Server;

class ObjectStoreTest {

    /** SHA-256 of the three bytes "abc", from FIPS 180-2. */
    private static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    static Path s3Directory;

    static S3Server s3;

    ObjectStore store;

    @BeforeAll
    static void startS3() {
        s3 = S3Server.start(s3Directory, 0, false);
    }

    @AfterAll
    static void stopS3() {
        s3.close();
    }

    @BeforeEach
    void createBucket() {
        store = new ObjectStore(settings("pictures"));
        store.ensureBucket();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void storedBytesAreKeyedByTheirSha256() {
        StoredObject stored = store.putContentAddressed(bytes("abc"), "image/png", "png");

        assertThat(stored).isEqualTo(new StoredObject("sha256/ba/" + ABC_SHA256 + ".png", ABC_SHA256, 3, "image/png"));
        assertThat(store.exists(stored.key())).isTrue();
    }

    @Test
    void openedObjectsHaveTheStoredBytes() throws Exception {
        StoredObject stored = store.putContentAddressed(bytes("a picture"), "image/png", "png");

        try (var in = store.open(stored.key())) {
            assertThat(in.readAllBytes()).isEqualTo(bytes("a picture"));
        }
    }

    @Test
    void readObjectsAreWholeAndCheckedAgainstTheirRecordedHash() {
        StoredObject stored = store.putContentAddressed(bytes("weights"), "application/octet-stream", "params");

        assertThat(store.read(stored.key())).isEqualTo(bytes("weights"));
        assertThat(store.readVerified(stored.key(), stored.sha256())).isEqualTo(bytes("weights"));
        assertThatThrownBy(() -> store.readVerified(stored.key(), ABC_SHA256))
                .isInstanceOf(ObjectStoreException.class).hasMessageContaining(stored.key());
        assertThatThrownBy(() -> store.read("sha256/00/unknown.params")).isInstanceOf(ObjectNotFoundException.class);
    }

    @Test
    void storingTheSameBytesTwiceIsHarmless() throws Exception {
        StoredObject first = store.putContentAddressed(bytes("twice"), "image/png", "png");
        StoredObject second = store.putContentAddressed(bytes("twice"), "image/png", "png");

        assertThat(second).isEqualTo(first);
        try (var in = store.open(first.key())) {
            assertThat(in.readAllBytes()).isEqualTo(bytes("twice"));
        }
    }

    @Test
    void unknownKeysDoNotExistAndCannotBeOpened() {
        assertThat(store.exists("sha256/00/unknown.png")).isFalse();
        assertThatThrownBy(() -> store.open("sha256/00/unknown.png"))
                .isInstanceOf(ObjectNotFoundException.class)
                .hasMessageContaining("sha256/00/unknown.png");
    }

    @Test
    void aPresignedUrlServesTheObjectWithoutCredentials() throws Exception {
        StoredObject stored = store.putContentAddressed(bytes("shared"), "image/png", "png");
        String url = store.presignedGetUrl(stored.key(), Duration.ofMinutes(5));

        HttpResponse<byte[]> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(bytes("shared"));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void servicesCreatingTheSameBucketAtOnceAllSucceed() throws Exception {
        int creators = 6;
        ExecutorService pool = Executors.newFixedThreadPool(creators);
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (int i = 0; i < creators; i++) {
                results.add(pool.submit(ensureBucketWithOwnClient("contested")));
            }
            for (Future<Void> result : results) {
                result.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        try (var contested = new ObjectStore(settings("contested"))) {
            assertThat(contested.putContentAddressed(bytes("x"), "text/plain", "txt").size()).isEqualTo(1);
        }
    }

    @Test
    void extensionsMustBeBareLowerCaseWords() {
        assertThatThrownBy(() -> store.putContentAddressed(bytes("x"), "image/png", ".png"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.putContentAddressed(bytes("x"), "image/png", "../png"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void presignedUrlsLiveAtMostSevenDays() {
        assertThatThrownBy(() -> store.presignedGetUrl("sha256/00/x.png", Duration.ofDays(8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnreachableStoreFailsWithAnObjectStoreExceptionNamingTheEndpoint() {
        String endpoint = "http://127.0.0.1:" + LoopbackPorts.pickFree();
        try (var unreachable = new ObjectStore(new ObjectStoreSettings(endpoint, "k", "s", "pictures"))) {
            assertThatThrownBy(unreachable::ensureBucket)
                    .isInstanceOf(ObjectStoreException.class)
                    .hasMessageContaining(endpoint);
        }
    }

    @Test
    void settingsDefaultTheRegionAndKeepTheSecretOutOfLogs() {
        var settings = new ObjectStoreSettings("http://127.0.0.1:1", "access", "very-secret", "pictures", " ");

        assertThat(settings.region()).isEqualTo("us-east-1");
        assertThat(settings.toString()).doesNotContain("very-secret");
    }

    private static Callable<Void> ensureBucketWithOwnClient(String bucket) {
        return () -> {
            try (var store = new ObjectStore(settings(bucket))) {
                store.ensureBucket();
            }
            return null;
        };
    }

    private static ObjectStoreSettings settings(String bucket) {
        return new ObjectStoreSettings(s3.endpoint(), s3.accessKey(), s3.secretKey(), bucket);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
