package io.pinxit.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Free TCP ports on 127.0.0.1, for servers that must know their port before they bind it. */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /** Every port this JVM has handed out: a released port may be free again at once. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    private static final int ATTEMPTS = 256;
    /** Above the suite's fixed ports (8080–8083, 15432, 19000, 19092), so that tests never take one of them. */
    static final int LOWEST = 20_000;
    /** Where Linux says the ports of outgoing connections start, and where they start on most systems otherwise. */
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int DEFAULT_FIRST_EPHEMERAL = 32_768;

    /**
     * A port that was free a moment ago and that this JVM has not handed out before, below the range the system takes
     * the source ports of outgoing connections from: a port picked there could be taken by any client connection (a
     * JDBC pool, a Kafka client) before its server binds it, and was, in CI. Another process that listens on ports of
     * its own choosing may still take it first; that window is small enough to accept.
     */
    public static int pickFree() {
        int below = firstEphemeralPort();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (!HANDED_OUT.contains(port) && isFree(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port on 127.0.0.1 between %d and %d in %d tries"
                .formatted(LOWEST, below, ATTEMPTS));
    }

    /** The requested port, or a free one when the request is 0. */
    public static int orFree(int requested) {
        return requested == 0 ? pickFree() : requested;
    }

    static int firstEphemeralPort() {
        try {
            int first = Integer.parseInt(Files.readString(EPHEMERAL_RANGE).strip().split("\\s+")[0]);
            return first > LOWEST + ATTEMPTS ? first : DEFAULT_FIRST_EPHEMERAL;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_FIRST_EPHEMERAL;
        }
    }

    private static boolean isFree(int port) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
