package io.pinxit.gateway.service;

import io.pinxit.catalog.SavedStyle;
import io.pinxit.catalog.StyleNetwork;
import io.pinxit.catalog.StyleNetworks;
import io.pinxit.problem.Problem;
import io.pinxit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The fast style networks saved styles were learned into. A style transfer is given its network when it is accepted,
 * so that a later training cannot change what paints a queued job.
 */
@ApplicationScoped
public class FastStyles {

    private final StyleNetworks networks;

    FastStyles(StyleNetworks networks) {
        this.networks = networks;
    }

    /** The network new style transfers with the style use: its newest, shipped or trained. */
    public Optional<StyleNetwork> of(UUID styleId) {
        return networks.newestOf(styleId);
    }

    /** The networks new style transfers with these styles use, by style; styles without one are left out. */
    public Map<UUID, StyleNetwork> of(Collection<UUID> styleIds) {
        return networks.newestOf(styleIds);
    }

    /** The network a training job made, once it has made it. */
    public Optional<StyleNetwork> madeBy(UUID trainingJobId) {
        return networks.ofJob(trainingJobId);
    }

    /**
     * The network that paints a style transfer, none for the optimisation. The fast method needs a saved style (the
     * request is refused earlier otherwise) that has a network.
     */
    Optional<StyleNetwork> choose(StyleMethod method, Optional<SavedStyle> style) {
        return switch (method) {
            case NEURAL -> Optional.empty();
            case AUTO -> style.flatMap(saved -> of(saved.id()));
            case FAST -> {
                SavedStyle saved = style.orElseThrow(() -> new IllegalArgumentException("Only a saved style is fast"));
                yield Optional.of(of(saved.id()).orElseThrow(() -> notTrained(saved)));
            }
        };
    }

    private static ProblemException notTrained(SavedStyle style) {
        String train = "train it with POST /api/v1/styles/" + style.id() + "/train";
        return new ProblemException(Problem.of(GatewayProblems.STYLE_NOT_TRAINED, "Style " + style.id() + " ('"
                        + style.name() + "') has no fast style network yet; " + train
                        + ", or ask for method 'auto' or 'neural'",
                List.of(new Problem.FieldError("method", "'fast' needs a fast style network of the style; " + train))));
    }
}
