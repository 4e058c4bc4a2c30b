package io.pinxit.catalog;

import java.util.List;
import java.util.UUID;

/** An artwork's family: the edges that lead to it from its ancestors, and from it to its descendants. */
public record Lineage(UUID artworkId, List<Edge> ancestors, List<Edge> descendants) {

    public Lineage {
        ancestors = List.copyOf(ancestors);
        descendants = List.copyOf(descendants);
    }

    /** One parent → child edge, {@code depth} steps away from the artwork (1 for its own parents or children). */
    public record Edge(UUID parentId, UUID childId, Relation relation, int depth) {
    }
}
