package io.pinxit.gallery.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FactTest {

    @Test
    void nestedValuesBecomeOneFactEachNamedByTheirPathInNameOrder() {
        var facts = Fact.of(Map.of("seed", 7, "model", Map.of("id", "emoji-dcgan", "family", "gan")));

        assertThat(facts).containsExactly(new Fact("model.family", "gan"), new Fact("model.id", "emoji-dcgan"),
                new Fact("seed", "7"));
    }
}
