package io.pinxit.gateway.service;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a style transfer is painted. */
public enum StyleMethod {
    /** Fast when the style is a saved style learned into a network, else neural. */
    @JsonProperty("auto") AUTO,
    /** The optimisation: minutes, any style picture. */
    @JsonProperty("neural") NEURAL,
    /** The newest fast style network of a saved style: a fraction of a second. */
    @JsonProperty("fast") FAST
}
