package io.pinxit.style;

import static io.pinxit.style.TestPictures.stripes;
import static io.pinxit.style.TestPictures.upload;
import static org.assertj.core.api.Assertions.assertThat;

import io.pinxit.contracts.JobEvent;
import io.pinxit.contracts.JobState;
import io.pinxit.contracts.StyleCommand;
import io.pinxit.infra.testing.LocalInfrastructureTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * An upload the content policy refuses fails its job before anything is painted. The picture is one of the licensed
 * training photographs, a yellow flower the classifier scores porn 0.82 (docs/content-policy.md): a false positive,
 * refused here by a stricter policy than the default, as a deployment may set one.
 */
@QuarkusTest
@WithTestResource(LocalInfrastructureTestResource.class)
@TestProfile(RefusedUploadTest.StrictPolicy.class)
class RefusedUploadTest extends StyleWorkerTestBase {

    public static class StrictPolicy implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pinxit.content-policy.refuse-at", "0.8");
        }
    }

    @Test
    void anUploadThePolicyRefusesFailsTheJobWithItsScoresAndRecordsNothing() throws IOException {
        var flower = ImageIO.read(Path.of("..", "models", "style-training-photos", "yellow-flower.jpg").toFile());
        var command = StyleCommand.of(UUID.randomUUID(), StyleCommand.Input.ofUpload(upload(store, flower)),
                StyleCommand.Input.ofUpload(upload(store, stripes(32))), 1.0, false, 64, 1L, ADA, Instant.now());

        kafka.send(command);

        JobEvent failed = kafka.awaitEvent(command.jobId(), JobState.FAILED);
        assertThat(failed.failure().type()).isEqualTo("urn:pinxit:problem:picture-refused");
        assertThat(failed.failure().detail()).contains("content picture (uploaded picture) was refused",
                "at or above the policy's 0.80");
        assertThat(catalog.artworkIdsOfJob(command.jobId())).isEmpty();
    }
}
