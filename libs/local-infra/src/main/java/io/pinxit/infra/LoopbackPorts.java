package io.pinxit.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Free TCP ports on 127.0.0.1, for servers that must know their port before they bind it. */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /** Every port this JVM has handed out: the system may offer a just-released port again at once. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    private static final int ATTEMPTS = 64;

    /**
     * A port that was free a moment ago, and that this JVM has not handed out before (a broker and its controller, or
     * two servers started one after the other, would otherwise be offered the same port). Another process may still
     * take it before the caller binds it; on a developer machine or CI runner that window is small enough to accept.
     */
    public static int pickFree() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = releasedPort();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("The system offered only ports handed out already, " + ATTEMPTS + " times");
    }

    private static int releasedPort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on 127.0.0.1", e);
        }
    }

    /** The requested port, or a free one when the request is 0. */
    public static int orFree(int requested) {
        return requested == 0 ? pickFree() : requested;
    }
}
