package io.pinxit.gateway.service;

import static io.pinxit.problem.ProblemException.invalidField;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs the gateway will call with a job's news: https to a host whose every address is public. Loopback,
 * private, link-local (cloud metadata), carrier-grade NAT, unique-local, multicast and unspecified addresses are
 * refused, so a webhook cannot make the gateway reach into its own network; the operator may allow them (and plain
 * http) for tests or a closed network. Checked when a URL is registered and again before every call, since a name
 * may resolve differently later; the call then goes to the address that was checked ({@link #target}).
 */
public final class WebhookTargets {

    private final boolean allowPrivate;

    public WebhookTargets(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** The URL, if the gateway may call it; a 400 naming {@code field} if not. */
    public URI check(String field, String url) {
        if (url == null || url.isBlank()) {
            throw invalidField(field, "is required");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalidField(field, "is not a URL");
        }
        refusal(uri).ifPresent(reason -> {
            throw invalidField(field, reason);
        });
        return uri;
    }

    /** Why the gateway may not call the URL now, if it may not. */
    public Optional<String> refusal(URI uri) {
        try {
            target(uri);
            return Optional.empty();
        } catch (RefusedTargetException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * The URL with the address to call it at: the name is resolved once, here, and the call connects to the address
     * that was checked, so that a name cannot resolve to a public address for the check and to a private one for the
     * call (DNS rebinding).
     *
     * @throws RefusedTargetException saying why, if the gateway may not call the URL now
     */
    public Target target(URI uri) {
        String scheme = Optional.ofNullable(uri.getScheme()).map(name -> name.toLowerCase(Locale.ROOT)).orElse("");
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            throw new RefusedTargetException("must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new RefusedTargetException("must name a host, and no user or password");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new RefusedTargetException("names a host that cannot be resolved: " + uri.getHost());
        }
        for (InetAddress address : addresses) {
            if (!allowPrivate && !isPublic(address)) {
                throw new RefusedTargetException("resolves to " + address.getHostAddress()
                        + ", which is not a public address; webhooks may only call public hosts");
            }
        }
        return new Target(uri, addresses[0]);
    }

    /** A URL the gateway may call, and the checked address of its host to connect to. */
    public record Target(URI url, InetAddress address) {

        /** The port to connect to: the URL's, else its scheme's. */
        public int port() {
            if (url.getPort() != -1) {
                return url.getPort();
            }
            return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        }
    }

    /** Why a URL may not be called now. */
    public static final class RefusedTargetException extends RuntimeException {

        RefusedTargetException(String reason) {
            super(reason);
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) != 0xfc;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        boolean thisNetwork = first == 0;
        boolean sharedAddressSpace = first == 100 && second >= 64 && second < 128;
        boolean benchmarking = first == 198 && (second == 18 || second == 19);
        boolean reserved = first >= 240;
        return !(thisNetwork || sharedAddressSpace || benchmarking || reserved);
    }
}
