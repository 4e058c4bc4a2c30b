package io.pinxit.style.service;

import io.pinxit.catalog.StyleNetwork;
import io.pinxit.catalog.StyleNetworks;
import io.pinxit.contracts.StyleCommand;
import io.pinxit.inference.style.StyleOptions;
import io.pinxit.inference.style.StyleProgress;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;

/** Paints a style command's content with the fast style network the gateway chose for it, in one pass. */
@ApplicationScoped
public class FastStyleTransfers {

    private final StyleNetworks networks;
    private final LoadedFastStyles loaded;
    private final StyleNetworkCards cards;

    FastStyleTransfers(StyleNetworks networks, LoadedFastStyles loaded, StyleNetworkCards cards) {
        this.networks = networks;
        this.loaded = loaded;
        this.cards = cards;
    }

    /**
     * @throws UnknownStyleNetworkException when the catalog holds no such network
     * @throws IllegalArgumentException when the command's style is not the saved style the network was learned from
     */
    Painting paint(StyleCommand command, BufferedImage content, StyleProgress progress) {
        StyleNetwork network = networks.find(command.fastStyleNetwork())
                .orElseThrow(() -> new UnknownStyleNetworkException(command.fastStyleNetwork()));
        if (!network.styleId().equals(command.style().styleId())) {
            throw new IllegalArgumentException("Fast style network " + network.id() + " paints saved style "
                    + network.styleId() + " only, not the style this job names");
        }
        var options = StyleOptions.defaults().withStrength(command.strength())
                .withPreserveColor(command.preserveColor()).withSize(command.size());
        BufferedImage painted = loaded.paint(network, fastStyle -> fastStyle.transfer(content, options));
        progress.previewed(painted, 1, 1);
        return new Painting(painted, cards.cardOf(network), "fast style network " + network.id(),
                Map.of("network", description(network)));
    }

    private static Map<String, Object> description(StyleNetwork network) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("id", network.id().toString());
        description.put("styleId", network.styleId().toString());
        description.put("weightsSha256", network.weightsSha256());
        if (network.isShipped()) {
            description.put("modelId", network.modelId());
        } else {
            description.put("trainingJobId", network.jobId().toString());
        }
        return description;
    }
}
