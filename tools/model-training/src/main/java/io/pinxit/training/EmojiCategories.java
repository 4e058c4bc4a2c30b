package io.pinxit.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The emoji category of each training image, from the packages' {@code emoji.json}: every emoji and its
 * skin-tone variants carry their base emoji's {@code category}. Categories with fewer than
 * {@link #MIN_IMAGES} images (only "Component": five skin-tone and hair swatches) are left out. Labels
 * are the category names in emoji order, lower-cased, '&amp;' dropped and spaces turned into '-'.
 */
final class EmojiCategories {

    static final int MIN_IMAGES = 50;
    private static final String CATALOGUE = "emoji-datasource-twitter/emoji.json";

    private EmojiCategories() {}

    /** The labelled images of {@code dataset}; an image of a left-out category has label -1. */
    static LabelledEmoji label(EmojiDataset dataset, Path dataDir) throws IOException {
        JsonNode emoji = new ObjectMapper().readTree(dataDir.resolve(CATALOGUE).toFile());
        Map<String, String> categoryOfImage = new HashMap<>();
        Map<String, String> groupOfImage = new HashMap<>();
        Map<String, Integer> firstSortOrder = new HashMap<>();
        for (JsonNode entry : emoji) {
            String category = entry.path("category").asText();
            String group = entry.path("unified").asText();
            firstSortOrder.merge(category, entry.path("sort_order").asInt(), Math::min);
            categoryOfImage.put(entry.path("image").asText(), category);
            groupOfImage.put(entry.path("image").asText(), group);
            for (JsonNode variation : entry.path("skin_variations")) {
                categoryOfImage.put(variation.path("image").asText(), category);
                groupOfImage.put(variation.path("image").asText(), group);
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Path> files = dataset.files();
        String[] categories = new String[files.size()];
        String[] groups = new String[files.size()];
        for (int i = 0; i < files.size(); i++) {
            String name = files.get(i).getFileName().toString();
            categories[i] = categoryOfImage.get(name);
            groups[i] = groupOfImage.get(name);
            if (categories[i] == null) {
                throw new IOException("No category for " + files.get(i) + " in " + CATALOGUE);
            }
            counts.merge(categories[i], 1, Integer::sum);
        }
        List<String> kept = new ArrayList<>();
        counts.forEach((category, count) -> {
            if (count >= MIN_IMAGES) {
                kept.add(category);
            }
        });
        kept.sort(Comparator.comparing(firstSortOrder::get));
        List<String> labels = kept.stream().map(EmojiCategories::labelOf).toList();
        int[] labelOf = new int[files.size()];
        for (int i = 0; i < files.size(); i++) {
            labelOf[i] = kept.indexOf(categories[i]);
        }
        return new LabelledEmoji(dataset, labels, labelOf, groups);
    }

    /** "Smileys &amp; Emotion" → "smileys-emotion". */
    static String labelOf(String category) {
        return category.toLowerCase(Locale.ROOT).replace("&", "").trim().replaceAll("\\s+", "-");
    }
}
