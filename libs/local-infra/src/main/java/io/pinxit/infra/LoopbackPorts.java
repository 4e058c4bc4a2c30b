package io.pinxit.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on 127.0.0.1, for servers that must know their port before they bind it. */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /**
     * A port that was free a moment ago. Another process may still take it before the caller binds it; on a
     * developer machine or CI runner that window is small enough to accept.
     */
    public static int pickFree() {
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
