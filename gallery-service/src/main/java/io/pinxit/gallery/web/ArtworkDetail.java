package io.pinxit.gallery.web;

import io.pinxit.catalog.Lineage;
import io.pinxit.catalog.ProvenanceRecord;
import io.pinxit.contracts.ComputePlatform;
import io.pinxit.gallery.rest.ArtworkView;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/** One artwork's page: the picture, who made it with what, whom it credits, and its nearest relatives. */
record ArtworkDetail(UUID id, String imageUrl, String downloadName, String altText, String title, String description,
                     String author, String authorHref, String licence, String kind, String label, String model,
                     String modelVersion, String modelFamily, String weightsSha256, List<Fact> parameters,
                     List<Credit> credits, String producer, ReportView provenance, LineageGraph lineageGraph,
                     List<Relative> parents, List<Relative> children) {

    /** An attribution owed to the model's training data. */
    record Credit(String source, String licence, String attribution) {
    }

    /** A parent or a child in the lineage, and how the two are related. */
    record Relative(String href, String id, String relation) {
    }

    static ArtworkDetail of(ArtworkView artwork, ReportView verification, Lineage lineage) {
        ProvenanceRecord provenance = artwork.provenance();
        String title = Titles.orUntitled(artwork.title());
        var producer = provenance.producer();
        String authorHref = artwork.authorId() == null ? null : "/?author=" + artwork.authorId();
        return new ArtworkDetail(artwork.id(), artwork.links().get("image"), "pinxit-" + artwork.id() + ".png",
                Titles.altText(title, artwork.author(), artwork.model()), title, artwork.description(),
                artwork.author(), authorHref, artwork.licence(), artwork.kind().name().toLowerCase(Locale.ROOT),
                artwork.label(), provenance.model().id(), provenance.model().version(), provenance.model().family(),
                provenance.model().weightsSha256(), Fact.of(provenance.parameters()),
                provenance.credits().stream()
                        .map(credit -> new Credit(credit.source(), credit.licence(), credit.attribution())).toList(),
                producedBy(producer),
                verification, LineageGraph.of(lineage),
                nearest(lineage.ancestors(), Lineage.Edge::parentId),
                nearest(lineage.descendants(), Lineage.Edge::childId));
    }

    /** Who ran the model on what; with the numerics that decided the pixels where the record has them. */
    private static String producedBy(ProvenanceRecord.Producer producer) {
        String who = producer.worker() + " (" + producer.service() + ") on " + producer.device() + " with "
                + producer.engine();
        ComputePlatform platform = producer.platform();
        return platform == null ? who : who + ", %s kernels, %d thread(s), %s".formatted(platform.kernels(),
                platform.threads(), platform.processor());
    }

    private static List<Relative> nearest(List<Lineage.Edge> edges, Function<Lineage.Edge, UUID> relative) {
        return edges.stream().filter(edge -> edge.depth() == 1)
                .map(edge -> new Relative("/artworks/" + relative.apply(edge), relative.apply(edge).toString(),
                        edge.relation().name().toLowerCase(Locale.ROOT)))
                .toList();
    }
}
