package io.pinxit.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EmojiCategoriesTest {

    @Test
    void categoryNamesBecomeLowerCaseLabelsWithoutAmpersandsAndWithHyphens() {
        assertEquals("smileys-emotion", EmojiCategories.labelOf("Smileys & Emotion"));
        assertEquals("animals-nature", EmojiCategories.labelOf("Animals & Nature"));
        assertEquals("travel-places", EmojiCategories.labelOf("Travel & Places"));
        assertEquals("flags", EmojiCategories.labelOf("Flags"));
    }
}
