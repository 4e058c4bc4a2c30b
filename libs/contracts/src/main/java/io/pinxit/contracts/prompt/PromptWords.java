package io.pinxit.contracts.prompt;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a text prompt, and every emoji name and keyword a prompt model learns from, becomes words: lower-cased runs of
 * letters and digits, each kept once, in order. Single characters and a few {@link #STOP_WORDS} carry no picture and
 * are dropped, so "a cat with a hat" reads as {@code [cat, hat]}. Training and serving read text only through here.
 */
public final class PromptWords {

    /** The longest prompt accepted, in characters. */
    public static final int MAX_CHARACTERS = 100;
    /** The most words a prompt may have once read. */
    public static final int MAX_WORDS = 12;
    public static final Set<String> STOP_WORDS =
            Set.of("a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with");

    private PromptWords() {}

    public static List<String> of(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (token.length() > 1 && !STOP_WORDS.contains(token)) {
                words.add(token);
            }
        }
        return List.copyOf(words);
    }
}
