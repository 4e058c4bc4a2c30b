package io.pinxit.style.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** How the style worker paints and learns styles. */
@ConfigMapping(prefix = "pinxit.style")
public interface StyleConfig {

    /** Optimisation steps of a neural style transfer, over all its scales. */
    @WithDefault("60")
    int iterations();

    /** How a saved style is learned into a fast style network; the steps and the seed come from each job. */
    Training training();

    /** Fast style networks kept loaded; beyond it the least recently used is closed. */
    @WithDefault("4")
    int loadedNetworks();

    /**
     * A folder of further fast styles, laid out as the shipped model catalog ({@code <id>/card.json}, weights, style
     * picture): offered at start-up beside the shipped ones. A folder that does not exist offers none.
     */
    Optional<Path> fastStyleDirectory();

    interface Training {

        /** Photo crops each optimiser step paints. */
        @WithDefault("4")
        int batchSize();

        /** The side of those crops, in pixels: a multiple of 4, at least 32. */
        @WithDefault("256")
        int cropSize();
    }
}
