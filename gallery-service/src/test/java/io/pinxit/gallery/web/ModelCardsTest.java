package io.pinxit.gallery.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The shipped cards, as the artwork pages read them from the models jar. */
class ModelCardsTest {

    private final ModelCards cards = new ModelCards(new ObjectMapper());

    @Test
    void aTrainedModelsCardSaysWhatItIsForWhatItLearnedFromAndHowItWasTrained() {
        ModelCards.Card card = cards.find("emoji-dcgan").orElseThrow();

        assertThat(card.intendedUse()).isNotBlank();
        assertThat(card.limitations()).isNotBlank();
        assertThat(card.dataSources()).extracting(ModelCards.DataSource::licence).contains("CC-BY-4.0", "Apache-2.0");
        assertThat(card.howTrained()).contains("exec:exec@train");
    }

    @Test
    void aPretrainedModelsCardSaysWhereItCameFrom() {
        assertThat(cards.find("esrgan-slim-x4").orElseThrow().howTrained()).isEqualTo("pretrained by the package authors");
        assertThat(cards.find("no-such-model")).isEmpty();
    }
}
