package io.pinxit.gallery.security;

import io.pinxit.contracts.Authorship;
import io.pinxit.contracts.Visibility;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;

/** Who is looking: anonymous, or an account (from its API key), which also sees its own private work. */
@RequestScoped
public class Viewer {

    private final SecurityIdentity identity;

    Viewer(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Optional<UUID> accountId() {
        return identity.isAnonymous() ? Optional.empty()
                : Optional.of(identity.<UUID>getAttribute(GatewayIdentityProvider.ACCOUNT_ID));
    }

    public boolean maySee(Authorship authorship) {
        return authorship.visibility() != Visibility.PRIVATE || identity.hasRole("admin")
                || accountId().filter(id -> id.equals(authorship.authorId())).isPresent();
    }
}
