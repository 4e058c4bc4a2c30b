package io.pinxit.gallery.web;

import static io.pinxit.gallery.web.GatewayJobs.bearer;

import io.pinxit.gallery.security.BrowserSession;
import io.pinxit.gallery.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The saved styles a signed-in person can have an artwork painted in at once: those in the gateway's style library,
 * as their key sees it, that have a fast style network. An artwork's page is whole without them, so a gateway that
 * refuses or does not answer only leaves the choice out.
 */
@ApplicationScoped
class FastStyles {

    static final int SHOWN = 20;
    /** The library's largest page, so that older styles with a network (the shipped one among them) are found too. */
    private static final int LOOKED_AT = 100;

    private final GatewayJobs gateway;
    private final Viewer viewer;

    FastStyles(@RestClient GatewayJobs gateway, Viewer viewer) {
        this.gateway = gateway;
        this.viewer = viewer;
    }

    /** The styles the signed-in viewer's session sees; none for anyone else. */
    List<GatewayJobs.Style> forViewer() {
        return viewer.session().map(BrowserSession::key).map(this::seenWith).orElse(List.of());
    }

    private List<GatewayJobs.Style> seenWith(String key) {
        try {
            return gateway.styles(bearer(key), LOOKED_AT).items().stream()
                    .filter(style -> style.fastStyle() != null).limit(SHOWN).toList();
        } catch (WebApplicationException | ProcessingException e) {
            return List.of();
        }
    }
}
