package dev.telephony.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A minimal HTTP server on loopback (the JDK's, not WireMock, whose own cost would hide ours) that
 * answers each path from canned bytes, or from a function of the request for pages generated on the
 * fly. The library and the code it is compared with hit the same server with the same bytes. Made with
 * a latency, it holds every answer that long before sending it, as a carrier across a network would.
 */
final class CannedServer implements AutoCloseable {
    static {
        // without it, Nagle's algorithm and delayed ACKs add ~40 ms to every answer and hide everything else
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, byte[]> canned = new ConcurrentHashMap<>();
    private final Map<String, Function<URI, byte[]>> generated = new ConcurrentHashMap<>();
    private final Map<String, Responder> responders = new ConcurrentHashMap<>();
    private final long latencyMillis;

    /** What to answer a request, from its method, URI and body. */
    @FunctionalInterface
    interface Responder {
        byte[] answer(String method, URI uri, byte[] body);
    }

    CannedServer(int threadCount) throws IOException {
        this(threadCount, 0);
    }

    /** A server that answers each request {@code latencyMillis} after reading it; as many at once as it has threads. */
    CannedServer(int threadCount, long latencyMillis) throws IOException {
        this.latencyMillis = latencyMillis;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        threads = Executors.newFixedThreadPool(threadCount, r -> {
            Thread t = new Thread(r, "canned-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::answer);
        server.start();
    }

    /** Answers {@code path} (without query) with {@code json}. */
    CannedServer on(String path, String json) {
        canned.put(path, json.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Answers {@code path} with whatever {@code responder} makes of the request. */
    CannedServer respond(String path, Responder responder) {
        responders.put(path, responder);
        return this;
    }

    /** Answers {@code path} with whatever {@code page} makes of the request URI. */
    CannedServer generate(String path, Function<URI, byte[]> page) {
        generated.put(path, page);
        return this;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = canned.get(path);
            if (body == null && generated.containsKey(path)) {
                body = generated.get(path).apply(exchange.getRequestURI());
            }
            if (body == null && responders.containsKey(path)) {
                body = responders.get(path).answer(exchange.getRequestMethod(), exchange.getRequestURI(), request);
            }
            if (latencyMillis > 0) {
                try {
                    Thread.sleep(latencyMillis);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (body == null) {
                body = "{\"error\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(404, body.length);
            } else {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
            }
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
