package io.pinxit.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 written byte by byte over a socket, for requests that no HTTP client library would send: a head and a body
 * exactly as given, then {@code Connection: close}, and whatever comes back until the server closes.
 */
final class RawHttp {

    /** What came back: nothing at all when the server closed the connection without answering. */
    record Answer(Optional<Integer> status, String head) {

        Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return head.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).strip()).findFirst();
        }
    }

    private RawHttp() {
    }

    /** Sends {@code head} (request line and headers, each ending CRLF, without the blank line) and {@code body}. */
    static Answer send(URI server, String head, byte[] body, Duration patience) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout((int) patience.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            String answerHead = headEnd < 0 ? text : text.substring(0, headEnd);
            Optional<Integer> status = text.matches("(?s)HTTP/1\\.[01] \\d{3}.*")
                    ? Optional.of(Integer.parseInt(text.substring(9, 12))) : Optional.empty();
            return new Answer(status, answerHead);
        }
    }
}
