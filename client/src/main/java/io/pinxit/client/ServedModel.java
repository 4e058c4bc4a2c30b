package io.pinxit.client;

import java.util.List;

/** A model running workers serve, with what its card says it is asked for (the whole card is in {@code --json}). */
public record ServedModel(String id, String version, String family, Card card) {

    /** The labels a conditional model draws, or the words a prompt model knows; both empty for a seed-only model. */
    public record Card(List<String> labels, List<String> vocabulary) {

        public Card {
            labels = labels == null ? List.of() : List.copyOf(labels);
            vocabulary = vocabulary == null ? List.of() : List.copyOf(vocabulary);
        }
    }

    /** What a generation job gives this model besides a seed: "label (9)", "prompt (4355 words)" or "seed". */
    public String asksFor() {
        if (card == null || card.labels().isEmpty() && card.vocabulary().isEmpty()) {
            return "seed";
        }
        return card.labels().isEmpty() ? "prompt (%d words)".formatted(card.vocabulary().size())
                : "label (%s)".formatted(String.join(", ", card.labels()));
    }
}
