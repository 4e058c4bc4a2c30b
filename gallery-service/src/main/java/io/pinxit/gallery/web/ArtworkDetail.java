package io.pinxit.gallery.web;

import io.pinxit.catalog.Lineage;
import io.pinxit.catalog.ProvenanceRecord;
import io.pinxit.gallery.rest.ArtworkView;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/** One artwork's page: the picture, who made it with what, whom it credits, and its nearest relatives. */
record ArtworkDetail(String imageUrl, String altText, String title, String description, String author,
                     String licence, String model, String modelVersion, String weightsSha256, List<Fact> parameters,
                     List<Credit> credits, String producer, List<Relative> parents,
                     List<Relative> children) {

    /** An attribution owed to the model's training data. */
    record Credit(String source, String licence, String attribution) {
    }

    /** A parent or a child in the lineage, and how the two are related. */
    record Relative(String href, String id, String relation) {
    }

    static ArtworkDetail of(ArtworkView artwork, Lineage lineage) {
        ProvenanceRecord provenance = artwork.provenance();
        String title = Titles.orUntitled(artwork.title());
        var producer = provenance.producer();
        return new ArtworkDetail(artwork.links().get("image"), Titles.altText(title, artwork.author(), artwork.model()),
                title, artwork.description(), artwork.author(), artwork.licence(), provenance.model().id(),
                provenance.model().version(), provenance.model().weightsSha256(), Fact.of(provenance.parameters()),
                provenance.credits().stream()
                        .map(credit -> new Credit(credit.source(), credit.licence(), credit.attribution())).toList(),
                producer.worker() + " (" + producer.service() + ") on " + producer.device() + " with "
                        + producer.engine(),
                nearest(lineage.ancestors(), Lineage.Edge::parentId),
                nearest(lineage.descendants(), Lineage.Edge::childId));
    }

    private static List<Relative> nearest(List<Lineage.Edge> edges, Function<Lineage.Edge, UUID> relative) {
        return edges.stream().filter(edge -> edge.depth() == 1)
                .map(edge -> new Relative("/artworks/" + relative.apply(edge), relative.apply(edge).toString(),
                        edge.relation().name().toLowerCase(Locale.ROOT)))
                .toList();
    }
}
