package io.pinxit.catalog;

import io.pinxit.contracts.Authorship;
import io.pinxit.contracts.ComputePlatform;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who made an artwork, and what made it from what (its parents, whose edges the lineage is made of): the model and its
 * weights, the parameters, the worker and device, the credits that the model's training data asks for, and what the
 * content screen saw in the picture ({@code contentCheck}; null in records made before pictures were screened).
 */
public record ProvenanceRecord(UUID artworkId, UUID jobId, int index, Authorship authorship, ModelUsed model,
                               Map<String, Object> parameters, List<Parent> parents, String imageSha256,
                               Producer producer, List<Credit> credits, Instant createdAt, ContentCheck contentCheck) {

    /** The parameter a prompt model's pictures record their prompt under, as the client wrote it. */
    public static final String PROMPT = "prompt";

    public ProvenanceRecord {
        parameters = Map.copyOf(parameters);
        parents = parents == null ? List.of() : List.copyOf(parents);
        credits = List.copyOf(credits);
    }

    /** An artwork this one was made from; none for a picture a model generated from a seed. */
    public record Parent(UUID artworkId, Relation relation) {
    }

    /** The model exactly as it was loaded: its card's id and version and the hash of the weights used. */
    public record ModelUsed(String id, String version, String family, String weightsSha256) {
    }

    /**
     * The software and machine that ran the model; {@code platform} says what the pixels can depend on, and is null in
     * records made before it was recorded.
     */
    public record Producer(String service, String worker, String device, String engine, ComputePlatform platform) {
    }

    /** An attribution owed to a source, with its licence as an SPDX id. */
    public record Credit(String source, String licence, String attribution) {
    }
}
