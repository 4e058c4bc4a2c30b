package io.pinxit.generation.service;

import io.pinxit.catalog.ArtworkKind;
import io.pinxit.catalog.ProvenanceRecord;
import io.pinxit.catalog.Relation;
import io.pinxit.contracts.Authorship;
import io.pinxit.inference.ModelCard;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A picture a model has just made, with everything its artwork, provenance record and manifest say about it: item
 * {@code index} of a job, made by {@code model} with {@code parameters}, of {@code label} when a conditional model
 * was asked for one (or its parent was; null otherwise), from {@code parent} if it was derived from another artwork. {@code defaultTitle} names it in its manifest when its author gave no title.
 */
record NewArtwork(UUID jobId, int index, ArtworkKind kind, Authorship authorship, String defaultTitle,
                  ModelCard model, String label, Map<String, Object> parameters, Picture picture, Optional<Parent> parent,
                  List<ProvenanceRecord.Credit> credits) {

    NewArtwork {
        parameters = Map.copyOf(parameters);
        credits = List.copyOf(credits);
    }

    /** The model's own pixels as a PNG without any manifest. */
    record Picture(byte[] png, int width, int height) {
    }

    /** The artwork this one was made from, with its stored (signed) PNG, which becomes the manifest's ingredient. */
    record Parent(UUID artworkId, Relation relation, String title, byte[] signedPng) {
    }

    /** What a model card's data sources ask to be credited with. */
    static List<ProvenanceRecord.Credit> creditsOf(ModelCard card) {
        return card.dataSources().stream()
                .map(source -> new ProvenanceRecord.Credit(source.name(), source.licence(), source.attribution()))
                .toList();
    }
}
