package io.pinxit.contracts.prompt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words a prompt model was trained on, in the order its network numbers them (its card's {@code vocabulary}). A
 * prompt becomes the mean of its words' one-hot rows: the network's first layer turns that into the mean of their
 * learned embeddings, so word order does not matter and "cat face" means what "face cat" does.
 */
public final class PromptVocabulary {

    private static final int SUGGESTIONS = 3;
    private static final int MAX_EDIT_DISTANCE = 2;

    private final List<String> words;
    private final Map<String, Integer> positions = new HashMap<>();

    public PromptVocabulary(List<String> words) {
        this.words = List.copyOf(words);
        for (int i = 0; i < this.words.size(); i++) {
            if (positions.put(this.words.get(i), i) != null) {
                throw new IllegalArgumentException("The vocabulary lists '%s' twice".formatted(this.words.get(i)));
            }
        }
    }

    public int size() {
        return words.size();
    }

    public List<String> words() {
        return words;
    }

    /**
     * The network's input row for {@code prompt}.
     *
     * @throws InvalidPromptException when the prompt is empty, too long, has no word to read, or has unknown words
     */
    public float[] encode(String prompt) {
        return rowOf(read(prompt));
    }

    /**
     * The words of {@code text} this vocabulary knows, as {@link PromptWords} reads them, at most
     * {@link PromptWords#MAX_WORDS}: a name made into a prompt, its unknown words dropped rather than refused.
     */
    public List<String> knownWordsOf(String text) {
        return PromptWords.of(text).stream().filter(positions::containsKey).limit(PromptWords.MAX_WORDS).toList();
    }

    /** The network's input row for words of this vocabulary, as {@link PromptWords} reads them. */
    public float[] rowOf(List<String> known) {
        float[] row = new float[words.size()];
        for (String word : known) {
            Integer position = positions.get(word);
            if (position == null) {
                throw new IllegalArgumentException("'%s' is not in the vocabulary".formatted(word));
            }
            row[position] = 1f / known.size();
        }
        return row;
    }

    /** The prompt's words, all known to this vocabulary; refused as {@link #encode} refuses. */
    public List<String> read(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            throw new InvalidPromptException("The prompt is empty; give a few words such as \"smiling cat\"");
        }
        if (prompt.length() > PromptWords.MAX_CHARACTERS) {
            throw new InvalidPromptException("The prompt has %d characters; at most %d are read"
                    .formatted(prompt.length(), PromptWords.MAX_CHARACTERS));
        }
        List<String> read = PromptWords.of(prompt);
        if (read.isEmpty()) {
            throw new InvalidPromptException(
                    "The prompt has no word to read: single characters and %s are skipped".formatted(
                            String.join(", ", PromptWords.STOP_WORDS.stream().sorted().toList())));
        }
        if (read.size() > PromptWords.MAX_WORDS) {
            throw new InvalidPromptException("The prompt has %d words; at most %d are read"
                    .formatted(read.size(), PromptWords.MAX_WORDS));
        }
        Map<String, List<String>> unknown = new LinkedHashMap<>();
        for (String word : read) {
            if (!positions.containsKey(word)) {
                unknown.put(word, nearest(word));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidPromptException(unknownMessage(unknown), unknown);
        }
        return read;
    }

    /**
     * Known words at most two edits from {@code word}, nearest first, then in vocabulary order (a model trained here
     * lists its most common words first); at most three.
     */
    List<String> nearest(String word) {
        List<Map.Entry<String, Integer>> near = new ArrayList<>();
        for (String known : words) {
            if (Math.abs(known.length() - word.length()) <= MAX_EDIT_DISTANCE) {
                int distance = editDistance(word, known);
                if (distance <= MAX_EDIT_DISTANCE) {
                    near.add(Map.entry(known, distance));
                }
            }
        }
        return near.stream()
                .sorted(Map.Entry.comparingByValue())
                .limit(SUGGESTIONS)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static String unknownMessage(Map<String, List<String>> unknown) {
        List<String> parts = new ArrayList<>();
        unknown.forEach((word, near) -> parts.add(near.isEmpty()
                ? "'%s' (no known word is close)".formatted(word)
                : "'%s' (did you mean %s?)".formatted(word, String.join(", ", near))));
        return "The model does not know the word%s %s; its card lists the words it knows"
                .formatted(unknown.size() == 1 ? "" : "s", String.join(", ", parts));
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
