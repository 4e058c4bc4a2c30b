package io.pinxit.gateway;

import io.pinxit.catalog.StyleNetwork;
import io.pinxit.contracts.Sha256;
import io.pinxit.contracts.TimeOrderedIds;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Fast style networks as a style worker records them: trained by a job, or shipped with Pinxit's models. Their ids
 * are made at {@code madeAt}, which orders them as the worker's would be.
 */
final class TestStyleNetworks {

    private TestStyleNetworks() {
    }

    static StyleNetwork trained(UUID styleId, UUID jobId, int steps, Instant madeAt) {
        return new StyleNetwork(idAt(madeAt), styleId, null, jobId, "style-networks/" + jobId + ".params",
                Sha256.hex("weights of " + jobId), training(steps), "style-test-worker", madeAt);
    }

    static StyleNetwork shipped(UUID styleId, String modelId, Instant madeAt) {
        return new StyleNetwork(idAt(madeAt), styleId, modelId, null, "models/" + modelId + ".params",
                Sha256.hex("weights of " + modelId), training(40_000), "tools/model-training", madeAt);
    }

    private static StyleNetwork.Training training(int steps) {
        return new StyleNetwork.Training(steps, 4, 256, 7, 0.25, 1.5);
    }

    private static UUID idAt(Instant madeAt) {
        return new TimeOrderedIds(Clock.fixed(madeAt, ZoneOffset.UTC)).next();
    }
}
