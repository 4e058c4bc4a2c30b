package io.pinxit.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.pinxit.contracts.prompt.PromptWords;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words that describe each training image: its base emoji's name from {@code emoji.json} ("smiling cat face
 * with heart-eyes") and its keywords from emojilib ("animal", "love", "like"…), read by {@link PromptWords} as
 * prompts are. Skin-tone variants and both emoji sets' pictures share their base emoji's words.
 */
final class EmojiWords {

    private static final String CATALOGUE = "emoji-datasource-twitter/emoji.json";
    private static final String KEYWORDS = "emojilib/dist/emoji-en-US.json";

    private final List<List<String>> wordsOf;
    private final List<String> nameOf;

    private EmojiWords(List<List<String>> wordsOf, List<String> nameOf) {
        this.wordsOf = wordsOf;
        this.nameOf = nameOf;
    }

    static EmojiWords read(LabelledEmoji data, Path dataDir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode keywords = json.readTree(dataDir.resolve(KEYWORDS).toFile());
        if (keywords == null || !keywords.isObject()) {
            throw new IOException("No emoji keywords in " + dataDir.resolve(KEYWORDS) + "; run tools/fetch-emoji-data.sh");
        }
        Map<String, String> nameOfImage = new HashMap<>();
        Map<String, List<String>> wordsOfImage = new HashMap<>();
        for (JsonNode entry : json.readTree(dataDir.resolve(CATALOGUE).toFile())) {
            String name = entry.path("name").asText();
            Set<String> words = new LinkedHashSet<>(PromptWords.of(name));
            for (JsonNode keyword : keywordsOf(keywords, entry)) {
                words.addAll(PromptWords.of(keyword.asText()));
            }
            List<String> described = List.copyOf(words);
            List<String> images = new ArrayList<>(List.of(entry.path("image").asText()));
            entry.path("skin_variations").forEach(variation -> images.add(variation.path("image").asText()));
            for (String image : images) {
                nameOfImage.put(image, name.toLowerCase(Locale.ROOT));
                wordsOfImage.put(image, described);
            }
        }
        List<List<String>> wordsOf = new ArrayList<>();
        List<String> nameOf = new ArrayList<>();
        for (Path file : data.images().files()) {
            String image = file.getFileName().toString();
            if (!wordsOfImage.containsKey(image)) {
                throw new IOException("No words for " + file + " in " + CATALOGUE);
            }
            wordsOf.add(wordsOfImage.get(image));
            nameOf.add(nameOfImage.get(image));
        }
        return new EmojiWords(wordsOf, nameOf);
    }

    /** emojilib keys its lists by the emoji itself, fully qualified or not. */
    private static JsonNode keywordsOf(JsonNode keywords, JsonNode entry) {
        for (String field : List.of("unified", "non_qualified")) {
            String codes = entry.path(field).asText(null);
            if (codes != null && keywords.has(emoji(codes))) {
                return keywords.get(emoji(codes));
            }
        }
        return MissingNode.getInstance();
    }

    private static String emoji(String codes) {
        StringBuilder emoji = new StringBuilder();
        for (String code : codes.split("-")) {
            emoji.appendCodePoint(Integer.parseInt(code, 16));
        }
        return emoji.toString();
    }

    /** The words describing dataset image {@code index}. */
    List<String> of(int index) {
        return wordsOf.get(index);
    }

    /** The name of the emoji dataset image {@code index} shows, lower-cased: the held-out prompts. */
    String nameOf(int index) {
        return nameOf.get(index);
    }

    /**
     * Every word describing the images at {@code indices}, the words of more emoji first (each base emoji counted once,
     * whatever its variants), then alphabetically: a vocabulary, whose order is also the order in which spelling
     * suggestions prefer equally near words.
     */
    List<String> vocabularyOf(LabelledEmoji data, int[][] indices) {
        Map<String, Set<String>> emojiOfWord = new HashMap<>();
        for (int[] group : indices) {
            for (int index : group) {
                for (String word : wordsOf.get(index)) {
                    emojiOfWord.computeIfAbsent(word, unused -> new HashSet<>()).add(data.groupOf()[index]);
                }
            }
        }
        return emojiOfWord.keySet().stream()
                .sorted(Comparator.comparingInt((String word) -> -emojiOfWord.get(word).size())
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }
}
