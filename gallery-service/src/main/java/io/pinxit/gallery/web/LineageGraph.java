package io.pinxit.gallery.web;

import io.pinxit.catalog.Lineage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An artwork's lineage laid out for an SVG drawing: one row per generation, ancestors above, descendants below,
 * each artwork a thumbnail that links to its page, each edge a line from parent to child named by its relation.
 */
record LineageGraph(int width, int height, List<Node> nodes, List<Link> links) {

    static final int NODE_SIZE = 64;
    private static final int COLUMN = 96;
    private static final int ROW = 112;
    private static final int MARGIN = 24;

    /** An artwork drawn at (x, y), its top-left corner. */
    record Node(UUID id, String href, String thumbnailUrl, int x, int y, boolean current) {
    }

    /** A parent → child line between the centres of two nodes' facing edges. */
    record Link(int x1, int y1, int x2, int y2, String relation) {
    }

    static LineageGraph of(Lineage lineage) {
        Map<UUID, Integer> generation = new LinkedHashMap<>();
        generation.put(lineage.artworkId(), 0);
        lineage.ancestors().forEach(edge -> generation.merge(edge.parentId(), -edge.depth(), Math::min));
        lineage.descendants().forEach(edge -> generation.merge(edge.childId(), edge.depth(), Math::max));
        Map<Integer, List<UUID>> rows = new TreeMap<>();
        generation.forEach((id, row) -> rows.computeIfAbsent(row, ignored -> new ArrayList<>()).add(id));
        int widest = rows.values().stream().mapToInt(List::size).max().orElse(1);
        int width = 2 * MARGIN + (widest - 1) * COLUMN + NODE_SIZE;
        Map<UUID, Node> nodes = new LinkedHashMap<>();
        int rowIndex = 0;
        for (List<UUID> row : rows.values()) {
            row.sort(Comparator.naturalOrder());
            int rowWidth = (row.size() - 1) * COLUMN + NODE_SIZE;
            int left = (width - rowWidth) / 2;
            for (int column = 0; column < row.size(); column++) {
                UUID id = row.get(column);
                nodes.put(id, new Node(id, "/artworks/" + id, "/api/v1/artworks/" + id + "/thumbnail",
                        left + column * COLUMN, MARGIN + rowIndex * ROW, id.equals(lineage.artworkId())));
            }
            rowIndex++;
        }
        List<Link> links = new ArrayList<>();
        List<Lineage.Edge> edges = new ArrayList<>(lineage.ancestors());
        edges.addAll(lineage.descendants());
        for (Lineage.Edge edge : edges) {
            Node parent = nodes.get(edge.parentId());
            Node child = nodes.get(edge.childId());
            if (parent != null && child != null) {
                links.add(new Link(parent.x() + NODE_SIZE / 2, parent.y() + NODE_SIZE, child.x() + NODE_SIZE / 2,
                        child.y(), edge.relation().name().toLowerCase(Locale.ROOT)));
            }
        }
        int height = 2 * MARGIN + (rows.size() - 1) * ROW + NODE_SIZE;
        return new LineageGraph(width, height, List.copyOf(nodes.values()), List.copyOf(links));
    }

    public boolean isAlone() {
        return nodes.size() == 1;
    }

    public int nodeSize() {
        return NODE_SIZE;
    }
}
