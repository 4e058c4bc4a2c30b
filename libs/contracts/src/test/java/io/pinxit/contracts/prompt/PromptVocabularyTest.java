package io.pinxit.contracts.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptVocabularyTest {

    private final PromptVocabulary vocabulary =
            new PromptVocabulary(List.of("cat", "face", "grinning", "heart", "red", "smiling", "hat"));

    @Test
    void wordsAreLowerCasedRunsOfLettersAndDigitsWithoutStopWordsSingleCharactersOrRepeats() {
        assertThat(PromptWords.of("A Smiling-CAT with a hat, a cat & 2 hats!"))
                .containsExactly("smiling", "cat", "hat", "hats");
        assertThat(PromptWords.of("Piñata 1st")).containsExactly("piñata", "1st");
    }

    @Test
    void aPromptBecomesTheMeanOfItsWordsOneHotRowsInTheVocabularysOrder() {
        float[] row = vocabulary.encode("Red heart");

        assertThat(row).hasSize(7);
        assertThat(row).containsExactly(0f, 0f, 0f, 0.5f, 0.5f, 0f, 0f);
        assertThat(vocabulary.encode("heart red")).containsExactly(row);
    }

    @Test
    void anUnknownWordIsRefusedNamingItAndTheNearestKnownWords() {
        var refused = catchThrowableOfType(() -> vocabulary.encode("smilling cst pizza"), InvalidPromptException.class);

        assertThat(refused.suggestions()).isEqualTo(Map.of(
                "smilling", List.of("smiling"), "cst", List.of("cat", "hat"), "pizza", List.of()));
        assertThat(refused).hasMessageContaining("'smilling' (did you mean smiling?)")
                .hasMessageContaining("'cst' (did you mean cat, hat?)")
                .hasMessageContaining("'pizza' (no known word is close)");
    }

    @Test
    void emptyOverLongAndWordlessPromptsAreRefusedSayingWhy() {
        assertThatThrownBy(() -> vocabulary.encode("  ")).isInstanceOf(InvalidPromptException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> vocabulary.encode(null)).isInstanceOf(InvalidPromptException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> vocabulary.encode("cat ".repeat(26))).isInstanceOf(InvalidPromptException.class)
                .hasMessageContaining("104 characters; at most 100");
        assertThatThrownBy(() -> vocabulary.encode("a of the & x")).isInstanceOf(InvalidPromptException.class)
                .hasMessageContaining("no word to read");
        assertThatThrownBy(() -> vocabulary.encode("one two three four five six seven eight nine ten eleven twelve 13"))
                .isInstanceOf(InvalidPromptException.class).hasMessageContaining("13 words; at most 12");
    }

    @Test
    void aNameBecomesThePromptOfTheWordsTheVocabularyKnows() {
        assertThat(vocabulary.knownWordsOf("Smiling Cat with Hat-Trick")).containsExactly("smiling", "cat", "hat");
        assertThat(vocabulary.knownWordsOf("koala")).isEmpty();
    }

    @Test
    void aVocabularyListingAWordTwiceIsRefused() {
        assertThatThrownBy(() -> new PromptVocabulary(List.of("cat", "cat")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'cat' twice");
    }
}
