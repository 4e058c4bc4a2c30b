package io.pinxit.recording;

import io.pinxit.catalog.ArtworkKind;
import io.pinxit.catalog.CatalogEntry;
import io.pinxit.catalog.ProvenanceRecord;
import io.pinxit.catalog.Relation;
import io.pinxit.contracts.Authorship;
import io.pinxit.contracts.ComputePlatform;
import io.pinxit.inference.DjlRuntime;
import io.pinxit.inference.GeneratedImage;
import io.pinxit.inference.ModelCard;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A picture a model has just made, with everything its artwork, provenance record and manifest say about it: item
 * {@code index} of a job, made by {@code model} with {@code parameters}, of {@code label} when a conditional model
 * was asked for one (or its parent was; null otherwise), from {@code parents} if it was derived from other artworks.
 * {@code defaultTitle} names it in its manifest when its author gave no title.
 */
public record NewArtwork(UUID jobId, int index, ArtworkKind kind, Authorship authorship, String defaultTitle,
                  ModelCard model, String label, Map<String, Object> parameters, Picture picture, List<Parent> parents,
                  List<ProvenanceRecord.Credit> credits) {

    public NewArtwork {
        parameters = Map.copyOf(parameters);
        parents = List.copyOf(parents);
        credits = List.copyOf(credits);
    }

    /** The model's own pixels as a PNG without any manifest, and the platform whose device made them. */
    public record Picture(byte[] png, int width, int height, ComputePlatform madeOn) {

        /** A generator's picture, made on the device that ran its forward pass. */
        public static Picture of(GeneratedImage image, ModelCard model) {
            return new Picture(image.png(), image.width(), image.height(), DjlRuntime.platform(model, image.device()));
        }
    }

    /**
     * A picture this one was made from, with its stored bytes, which become one of the manifest's ingredients: a
     * recorded artwork ({@code artworkId}; a lineage edge with {@code relation}), or a picture that is not an artwork,
     * such as an upload ({@code artworkId} null; an ingredient only).
     */
    public record Parent(UUID artworkId, Relation relation, String title, byte[] storedPng) {

        public boolean isArtwork() {
            return artworkId != null;
        }
    }

    /** The title an artwork is known by: its author's, else its model and place in its job ("emoji-vae #3"). */
    public static String titleOf(CatalogEntry entry) {
        return entry.artwork().authorship().title() != null ? entry.artwork().authorship().title()
                : entry.artwork().modelId() + " #" + (entry.artwork().index() + 1);
    }

    /** What a model card's data sources, and every parent, ask to be credited with; each credit once. */
    public static List<ProvenanceRecord.Credit> creditsOf(ModelCard card, List<CatalogEntry> parents) {
        return creditsOf(card, parents.stream().flatMap(parent -> parent.provenance().credits().stream()).toList());
    }

    /** What the inputs owe ({@code owedByInputs}, in order), then what the model card's data sources ask for; once each. */
    public static List<ProvenanceRecord.Credit> creditsOf(ModelCard card,
                                                          Collection<ProvenanceRecord.Credit> owedByInputs) {
        var credits = new LinkedHashSet<ProvenanceRecord.Credit>(owedByInputs);
        credits.addAll(creditsOf(card));
        return List.copyOf(credits);
    }

    /** What a model card's data sources ask to be credited with. */
    public static List<ProvenanceRecord.Credit> creditsOf(ModelCard card) {
        return card.dataSources().stream()
                .map(source -> new ProvenanceRecord.Credit(source.name(), source.licence(), source.attribution()))
                .toList();
    }
}
