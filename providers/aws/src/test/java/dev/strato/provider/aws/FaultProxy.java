package dev.strato.provider.aws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP proxy between an SDK client and a server (moto) that injects faults into chosen
 * operations: error answers (throttling, 5xx), dropped and reset connections, truncated answers,
 * slow answers. One request per connection (it answers with {@code Connection: close}).
 */
final class FaultProxy implements AutoCloseable {

    /** {@code TRUNCATE_HEAD} cuts the answer inside its status line and headers, {@code TRUNCATE_BODY} inside its body. */
    enum Fault {
        NONE,
        THROTTLE,
        UNAVAILABLE_503,
        INTERNAL_500,
        BAD_GATEWAY_502,
        SLOW,
        STALL,
        DROP_BEFORE,
        RESET,
        TRUNCATE_HEAD,
        TRUNCATE_BODY
    }

    /** Which fault the {@code nth} request (from 1) of {@code operation} gets. */
    @FunctionalInterface
    interface Rule {
        Fault decide(String operation, int nth);
    }

    /** The first {@code times} requests of {@code operation} (a Query API action, a JSON target or "METHOD /path-prefix") get {@code fault}. */
    static Rule first(String operation, Fault fault, int times) {
        return (op, nth) -> op.startsWith(operation) && nth <= times ? fault : Fault.NONE;
    }

    /** Every request of {@code operation} gets {@code fault}. */
    static Rule always(String operation, Fault fault) {
        return (op, nth) -> op.startsWith(operation) ? fault : Fault.NONE;
    }

    private final URI target;
    private final long slowMillis;
    private final long stallMillis;
    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final AtomicInteger injected = new AtomicInteger();
    private volatile Rule rule = (op, nth) -> Fault.NONE;

    FaultProxy(URI target, long slowMillis, long stallMillis) throws IOException {
        this.target = target;
        this.slowMillis = slowMillis;
        this.stallMillis = stallMillis;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.submit(this::acceptLoop);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    void rule(Rule rule) {
        this.rule = rule;
        seen.clear();
        injected.set(0);
    }

    int injected() {
        return injected.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                pool.submit(() -> handle(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            Request request = Request.read(client.getInputStream(), client.getOutputStream());
            if (request == null) return;
            String operation = request.operation();
            Fault fault = rule.decide(
                    operation,
                    seen.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet());
            if (fault != Fault.NONE) injected.incrementAndGet();
            OutputStream out = client.getOutputStream();
            switch (fault) {
                case THROTTLE -> respond(out, request.throttled());
                case UNAVAILABLE_503 -> respond(out, plain(503, "Service Unavailable"));
                case INTERNAL_500 -> respond(out, plain(500, "Internal Server Error"));
                case BAD_GATEWAY_502 -> respond(out, plain(502, "Bad Gateway"));
                case DROP_BEFORE -> {}
                case RESET -> client.setSoLinger(true, 0);
                case STALL -> Thread.sleep(stallMillis);
                case TRUNCATE_HEAD -> {
                    out.write(forward(request), 0, 12);
                    out.flush();
                }
                case TRUNCATE_BODY -> {
                    byte[] whole = forward(request);
                    out.write(whole, 0, whole.length - Math.min(whole.length / 4, 40));
                    out.flush();
                }
                case SLOW -> {
                    Thread.sleep(slowMillis);
                    respond(out, forward(request));
                }
                default -> respond(out, forward(request));
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or the fault was to go away: either way this connection is done
        }
    }

    private static void respond(OutputStream out, byte[] response) throws IOException {
        out.write(response);
        out.flush();
    }

    private static byte[] plain(int status, String reason) {
        String body = "<html><body>" + reason + "</body></html>";
        return ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/html\r\nContent-Length: " + body.length()
                        + "\r\nConnection: close\r\n\r\n" + body)
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Sends the request to the target on a new connection and returns its whole answer, set to close the connection. */
    private byte[] forward(Request request) throws IOException {
        try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
            upstream.getOutputStream().write(request.bytesClosing());
            upstream.getOutputStream().flush();
            byte[] response = upstream.getInputStream().readAllBytes();
            return Request.closing(response);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }

    /** One HTTP request as read off the wire. */
    record Request(String method, String path, Map<String, String> headers, byte[] body) {

        static Request read(InputStream in, OutputStream out) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            int state = 0;
            while ((b = in.read()) >= 0) {
                head.write(b);
                state = (b == '\r' && (state == 0 || state == 2))
                        ? state + 1
                        : (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
                if (state == 4) break;
            }
            if (head.size() == 0) return null;
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            String[] first = lines[0].split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0)
                    headers.put(
                            lines[i].substring(0, colon).trim(),
                            lines[i].substring(colon + 1).trim());
            }
            byte[] body = new byte[0];
            String length = header(headers, "Content-Length");
            if ("100-continue".equalsIgnoreCase(header(headers, "Expect"))) {
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                headers.keySet().removeIf(k -> k.equalsIgnoreCase("Expect"));
            }
            if (length != null) body = in.readNBytes(Integer.parseInt(length));
            return new Request(first[0], first[1], headers, body);
        }

        static String header(Map<String, String> headers, String name) {
            for (Map.Entry<String, String> e : headers.entrySet())
                if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
            return null;
        }

        String operation() {
            String text = new String(body, StandardCharsets.UTF_8);
            int at = text.indexOf("Action=");
            if (at >= 0) {
                int end = text.indexOf('&', at);
                return text.substring(at + 7, end < 0 ? text.length() : end);
            }
            String amzTarget = header(headers, "X-Amz-Target");
            if (amzTarget != null) return amzTarget.substring(amzTarget.indexOf('.') + 1);
            return method + " " + path;
        }

        /** A throttling answer in the protocol of the request: Query XML, JSON, or S3's SlowDown. */
        byte[] throttled() {
            String body;
            String type;
            int status;
            if (header(headers, "X-Amz-Target") != null) {
                status = 400;
                type = "application/x-amz-json-1.1";
                body = "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}";
            } else if (new String(this.body, StandardCharsets.UTF_8).contains("Action=")) {
                status = 400;
                type = "text/xml";
                body =
                        "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error>"
                                + "<RequestId>1</RequestId></ErrorResponse>";
            } else {
                status = 503;
                type = "application/xml";
                body =
                        "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>1</RequestId></Error>";
            }
            return ("HTTP/1.1 " + status + " Error\r\nContent-Type: " + type
                            + "\r\nx-amzn-ErrorType: ThrottlingException\r\nContent-Length: " + body.length()
                            + "\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.ISO_8859_1);
        }

        byte[] bytesClosing() {
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            headers.forEach((k, v) -> {
                if (!k.equalsIgnoreCase("Connection"))
                    head.append(k).append(": ").append(v).append("\r\n");
            });
            head.append("Connection: close\r\n\r\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(body);
            return out.toByteArray();
        }

        /** The answer with its Connection header replaced by {@code close}. */
        static byte[] closing(byte[] response) {
            int end = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (end < 0) return response;
            List<String> lines = new ArrayList<>();
            for (String line : new String(response, 0, end, StandardCharsets.ISO_8859_1).split("\r\n")) {
                if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) lines.add(line);
            }
            lines.add("Connection: close");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes((String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(response, end + 4, response.length - end - 4);
            return out.toByteArray();
        }

        private static int indexOf(byte[] data, byte[] pattern) {
            outer:
            for (int i = 0; i + pattern.length <= data.length; i++) {
                for (int j = 0; j < pattern.length; j++) if (data[i + j] != pattern[j]) continue outer;
                return i;
            }
            return -1;
        }
    }
}
