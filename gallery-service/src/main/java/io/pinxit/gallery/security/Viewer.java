package io.pinxit.gallery.security;

import io.pinxit.apikeys.ScopeRoles;
import io.pinxit.catalog.Artwork;
import io.pinxit.contracts.Authorship;
import io.pinxit.contracts.Visibility;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is looking: anonymous, or an account (from its API key, sent as a bearer token, or from a browser's sign-in
 * session), which also sees its own private work. Pages reach it as {@code inject:viewer}.
 */
@Named("viewer")
@RequestScoped
public class Viewer {

    private final SecurityIdentity identity;

    Viewer(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Optional<UUID> accountId() {
        return identity.isAnonymous() ? Optional.empty()
                : Optional.of(identity.<UUID>getAttribute(KeyIdentities.ACCOUNT_ID));
    }

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    /** The browser's sign-in session, through which pages act at the gateway with its key. */
    public Optional<BrowserSession> session() {
        return Optional.ofNullable(identity.getAttribute(SessionIdentityProvider.SESSION));
    }

    /** The token the session's state-changing forms carry, or an empty string without a session. */
    public String formToken() {
        return session().map(BrowserSession::formToken).orElse("");
    }

    /** The account's name, or an empty string for an anonymous viewer. */
    public String name() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    /**
     * The account whose unlisted and private work this viewer sees beside the public: theirs, when their key holds
     * jobs:read, as at the gateway, where reading one's own jobs takes it.
     */
    public Optional<UUID> ownWorkAccount() {
        return accountId().filter(id -> identity.hasRole(ScopeRoles.of(ScopeRoles.JOBS_READ)));
    }

    /** The grid of the viewer's own artworks. */
    public String ownWorkHref() {
        return accountId().map(id -> "/?author=" + id).orElse("/");
    }

    /**
     * Whether the artwork may be shown to this viewer: anything but someone else's private work, or work a reviewer
     * or the content policy hid (its author still sees it, to ask for a review).
     */
    public boolean maySee(Artwork artwork) {
        boolean seenByAll = artwork.authorship().visibility() != Visibility.PRIVATE
                && artwork.moderation().isListed();
        return seenByAll || isAuthorOrAdmin(artwork.authorship());
    }

    /**
     * Whether the artwork may be listed to this viewer, found without its link: public work, and their own, unless it
     * is hidden. An unlisted artwork is shared by its link alone.
     */
    public boolean mayList(Artwork artwork) {
        return artwork.moderation().isListed()
                && (artwork.authorship().visibility() == Visibility.PUBLIC || isAuthorOrAdmin(artwork.authorship()));
    }

    /** Whether this viewer made the artwork. */
    public boolean isAuthorOf(Artwork artwork) {
        return accountId().filter(id -> id.equals(artwork.authorship().authorId())).isPresent();
    }

    /**
     * An administrator acts on everyone's work, and reviews it, only with a key that holds jobs:admin, as at the
     * gateway.
     */
    public boolean isAdmin() {
        return identity.hasRole("admin") && identity.hasRole(ScopeRoles.of(ScopeRoles.JOBS_ADMIN));
    }

    private boolean isAuthorOrAdmin(Authorship authorship) {
        return isAdmin() || ownWorkAccount().filter(id -> id.equals(authorship.authorId())).isPresent();
    }

    /**
     * Whether a state-changing form may act for this viewer: always with an API key, and from a browser only when the
     * form carries its session's token, so that a post another site makes the browser send does nothing.
     */
    public boolean acceptsForm(String formToken) {
        return session().map(session -> session.isFormToken(formToken)).orElse(true);
    }
}
