package io.mizan.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A real HTTP client for the container tests, speaking to a deployed WAR. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final URI base;

    /** @param base the deployment's URL, as Arquillian gives it */
    public Http(URL base) {
        try {
            String s = base.toString();
            this.base = URI.create(s.endsWith("/") ? s : s + "/");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    }

    /** A JSON POST to {@code api/mizan/call/{name}}. */
    public HttpResponse<String> call(String name, String json) {
        return send(request("api/mizan/call/" + name)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> callAs(String user, String name, String json) {
        return send(request("api/mizan/call/" + name)
                .header("Content-Type", "application/json")
                .header("Authorization", basic(user))
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A GET sent as these bytes, for a target {@link URI} refuses to build ({@code ?q=%zz}): the status
     * line and the body, the connection closed after the answer.
     */
    public String[] rawGet(String path) {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET " + base.getPath() + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                                    + base.getPort() + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = answer.indexOf("\r\n\r\n");
            return new String[] {answer.substring(0, answer.indexOf("\r\n")), answer.substring(headEnd + 4)};
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A request sent as these bytes, for header values {@link HttpRequest} would not send as they are: the
     * status line, the header lines and the body, the connection closed after the answer. {@code path} is
     * relative to the deployment; each of {@code headers} is one {@code Name: value} line.
     */
    public Raw raw(String method, String path, String body, String... headers) {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(method + " " + base.getPath() + path + " HTTP/1.1\r\nHost: "
                    + base.getHost() + ":" + base.getPort() + "\r\nConnection: close\r\n");
            for (String header : headers) {
                head.append(header).append("\r\n");
            }
            boolean framed = java.util.Arrays.stream(headers)
                    .anyMatch(h -> h.regionMatches(true, 0, "Transfer-Encoding:", 0, 18)
                            || h.regionMatches(true, 0, "Content-Length:", 0, 15));
            if (body != null && !framed) { // the test's own Transfer-Encoding or Content-Length frames it instead
                head.append("Content-Length: ").append(content.length).append("\r\n");
            }
            socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(content);
            byte[] answer = socket.getInputStream().readAllBytes();
            String text = new String(answer, StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, headEnd).split("\r\n");
            Raw raw = new Raw(
                    Integer.parseInt(lines[0].split(" ")[1]),
                    java.util.Arrays.asList(lines).subList(1, lines.length),
                    "");
            byte[] rest = java.util.Arrays.copyOfRange(answer, headEnd + 4, answer.length);
            return new Raw(
                    raw.status(),
                    raw.headers(),
                    new String(
                            "chunked".equalsIgnoreCase(raw.header("Transfer-Encoding")) ? dechunk(rest) : rest,
                            StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Opens the deployment's socket at {@code path} by hand, sends one unfragmented text frame whose header
     * declares {@code declared} bytes followed by {@code sent} of them ({@code 'x'}s, masked as a client must),
     * and answers the close frame the server sends: code -1 when it ends the connection without one, or sends
     * none within 10 s, the reason saying which. A client library would split a large message into fragments, which the
     * containers limit differently from one large frame.
     */
    public Closed webSocketFrame(String path, long declared, long sent) {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            java.io.InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            out.write(("GET " + base.getPath() + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new java.io.EOFException("no handshake answer: " + head);
                }
                head.append((char) b);
            }
            if (!head.toString().startsWith("HTTP/1.1 101")) {
                throw new IllegalStateException("handshake refused: " + head);
            }
            java.io.ByteArrayOutputStream frameHead = new java.io.ByteArrayOutputStream();
            frameHead.write(0x81); // FIN, text
            frameHead.write(0x80 | 127); // masked, 64-bit length
            for (int shift = 56; shift >= 0; shift -= 8) {
                frameHead.write((int) (declared >>> shift));
            }
            frameHead.write(new byte[4]); // a zero mask: the payload goes as it is
            try {
                out.write(frameHead.toByteArray());
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) 'x');
                for (long left = sent; left > 0; left -= chunk.length) {
                    out.write(chunk, 0, (int) Math.min(chunk.length, left));
                }
                out.flush();
            } catch (java.io.IOException closedWhileSending) {
                // the server refused the frame before the end of it: its close frame may still be there to read
            }
            return closeCode(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** How the server closed a socket: the code and reason of its close frame. */
    public record Closed(int code, String reason) {}

    /** Reads server frames up to a close frame; code -1 at the end of the stream or after the timeout. */
    private static Closed closeCode(java.io.InputStream in) throws java.io.IOException {
        try {
            while (true) {
                int first = in.read();
                int second = in.read();
                if (first < 0 || second < 0) {
                    return new Closed(-1, "the end of the stream");
                }
                long length = second & 0x7f;
                if (length >= 126) {
                    int bytes = length == 126 ? 2 : 8;
                    length = 0;
                    for (int i = 0; i < bytes; i++) {
                        length = (length << 8) | in.read();
                    }
                }
                byte[] payload = in.readNBytes((int) length);
                if ((first & 0x0f) == 8) {
                    return payload.length < 2
                            ? new Closed(1005, "")
                            : new Closed(
                                    ((payload[0] & 0xff) << 8) | (payload[1] & 0xff),
                                    new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8));
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            return new Closed(-1, "no close frame in 10 s");
        } catch (java.net.SocketException e) {
            return new Closed(-1, "the connection ended: " + e.getMessage());
        }
    }

    private static byte[] dechunk(byte[] chunked) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = at;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int length = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (length == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, length);
            at = lineEnd + 2 + length + 2;
        }
        return body.toByteArray();
    }

    /** An answer to {@link #raw}: its status, its header lines as sent, its body. */
    public record Raw(int status, java.util.List<String> headers, String body) {

        /** The first value of a header, or {@code null}. */
        public String header(String name) {
            for (String line : headers) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    public static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8));
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new AssertionError("not a JSON object (status " + response.statusCode() + "): " + response.body(), e);
        }
    }
}
