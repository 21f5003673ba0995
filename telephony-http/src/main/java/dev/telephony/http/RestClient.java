package dev.telephony.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.telephony.api.Sleeper;
import dev.telephony.api.error.ErrorContext;
import dev.telephony.api.error.ProtocolException;
import dev.telephony.api.error.ProviderUnavailableException;
import dev.telephony.api.error.TelephonyException;
import dev.telephony.api.event.TelephonyListener;
import dev.telephony.api.spi.ProviderEvents;
import dev.telephony.api.spi.Reconciliation;
import dev.telephony.api.spi.Retrier;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP client every REST provider uses: one place for connection pooling, time-outs,
 * authentication, error mapping, retries of reads, JSON and request logging.
 *
 * <p>{@link #send(HttpRequest)} sends once; {@link #read(HttpRequest)} retries under the retry policy
 * and is only for idempotent reads. Errors arrive as neutral exceptions carrying provider, status,
 * provider code and request id. Logging is an allow-list: method, path, status, duration and request
 * id, never headers, query values or bodies. Each request, retry and reconciliation is reported to
 * {@link #events()}, with the same allow-list (the path as a template).
 */
public final class RestClient implements AutoCloseable {
    /** The logger, made when first used: connecting logs nothing, so it need not start the logging backend. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(RestClient.class);
    }
    private static final List<String> REQUEST_ID_HEADERS = List.of("x-request-id", "request-id", "x-ms-request-id",
            "twilio-request-id", "x-signalwire-request-id");

    private final String provider;
    private final String baseUri;
    private final Authentication authentication;
    private final ErrorTranslator errors;
    private final Clock clock;
    private final Sleeper sleeper;
    /** Made on first use, like the reconciliation: connecting need not load the retry machinery. */
    private volatile Retrier retrier;
    private final RandomGenerator random;
    /** Made on first use: connecting need not load what buying and releasing take. */
    private volatile Reconciliation reconciliation;
    private final Redactor redactor;
    private final HttpSettings settings;
    private final ProviderEvents events;
    private PoolingHttpClientConnectionManager connections;
    private volatile CloseableHttpClient http;
    /** Read from the base URI on the first request; threads that race make equal ones. */
    private volatile RequestTarget target;
    private boolean closed;
    /** The caller's executor for work beside the caller, or null for threads of this client's own (made on first use, closed with it). */
    private final java.util.concurrent.Executor callersExecutor;
    private java.util.concurrent.ExecutorService ownThreads;
    /** {@link #executor()}: a class of its own rather than a method reference, which would cost connecting a lambda. */
    private final java.util.concurrent.Executor beside = new java.util.concurrent.Executor() {
        @Override
        public void execute(Runnable task) {
            if (callersExecutor != null) {
                callersExecutor.execute(task);
                return;
            }
            ownThreads().execute(task);
        }
    };

    private RestClient(Builder b) {
        this.provider = Objects.requireNonNull(b.provider, "provider");
        this.baseUri = stripTrailingSlash(Objects.requireNonNull(b.baseUri, "baseUri").toString());
        this.authentication = b.authentication;
        this.errors = b.errors;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.events = events(b);
        this.random = b.random;
        this.callersExecutor = b.executor;
        this.redactor = new Redactor(authentication.secrets());
        this.settings = b.settings;
    }

    /** The builder's listener; else the one of the configuration a factory is creating its provider from. */
    private static ProviderEvents events(Builder b) {
        TelephonyListener listener = b.listener;
        if (listener == null) {
            // no method reference: connecting would pay for a cold JVM's first one
            Optional<ProviderEvents.Binding> bound = ProviderEvents.bound();
            listener = bound.isPresent() ? bound.get().listener() : TelephonyListener.NONE;
        }
        return ProviderEvents.of(b.provider, listener, b.clock);
    }

    /** Where requests go, read from the base URI on the first request rather than when connecting. */
    private RequestTarget target() {
        RequestTarget known = target;
        if (known == null) {
            known = RequestTarget.of(baseUri);
            target = known;
        }
        return known;
    }

    /**
     * The pooled client, made on the first request: connecting a provider stays cheap, and a provider
     * that is never used opens nothing.
     */
    private CloseableHttpClient http() {
        CloseableHttpClient client = http;
        if (client != null) {
            return client;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException(provider + " client is closed");
            }
            if (http == null) {
                Pool pool = new Pool(settings);
                connections = pool.connections;
                http = pool.client;
            }
            return http;
        }
    }

    /**
     * Where the provider runs work beside the caller: the numbers of a bulk purchase, the next page of a
     * listing. The executor the provider was built with, else threads of this client's own: as many as
     * the bulk concurrency, made when first needed, each ending after a minute idle, all shut down by
     * {@link #close()} (after which it refuses tasks).
     */
    public java.util.concurrent.Executor executor() {
        return beside;
    }

    private synchronized java.util.concurrent.ExecutorService ownThreads() {
        if (closed) {
            throw new java.util.concurrent.RejectedExecutionException(provider + " client is closed");
        }
        if (ownThreads == null) {
            int threads = Math.min(settings.bulkConcurrency(), settings.maxConnections());
            java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(threads, threads,
                    1, java.util.concurrent.TimeUnit.MINUTES, new java.util.concurrent.LinkedBlockingQueue<>(), task -> {
                        Thread thread = new Thread(task, "telephony-" + provider + "-" + count.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
            pool.allowCoreThreadTimeOut(true);
            ownThreads = pool;
        }
        return ownThreads;
    }

    /**
     * Apache HttpClient's pool and client, made on the first request. Its own class, so that the
     * HttpClient types it hands around are loaded then, not when a provider is connected.
     */
    private static final class Pool {
        final PoolingHttpClientConnectionManager connections;
        final CloseableHttpClient client;

        Pool(HttpSettings settings) {
            connections = PoolingHttpClientConnectionManagerBuilder.create()
                    .setConnectionFactory(Pool::quietConnection)
                    .setTlsSocketStrategy(settings.sslContext()
                            .<org.apache.hc.client5.http.ssl.TlsSocketStrategy>map(org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy::new)
                            .orElseGet(org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy::createSystemDefault))
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                            .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                            .build())
                    .setMaxConnTotal(settings.maxConnections())
                    .setMaxConnPerRoute(settings.maxConnections())
                    .build();
            org.apache.hc.client5.http.impl.classic.HttpClientBuilder builder = HttpClients.custom()
                    .setConnectionManager(connections)
                    .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(settings.responseTimeout())).build())
                    .disableAutomaticRetries()
                    .disableRedirectHandling()
                    .disableCookieManagement()
                    .setUserAgent(settings.userAgent());
            routeThroughProxy(settings, builder);
            client = builder.build();
        }

        /** An explicit proxy (with Basic credentials when it asks), else the JVM proxy selector of the moment (-Dhttps.proxyHost and the rest). */
        private static void routeThroughProxy(HttpSettings settings, org.apache.hc.client5.http.impl.classic.HttpClientBuilder builder) {
            if (settings.proxy().isEmpty()) {
                builder.setRoutePlanner(new JvmProxyRoutePlanner());
                return;
            }
            HttpProxy proxy = settings.proxy().get();
            org.apache.hc.core5.http.HttpHost host = new org.apache.hc.core5.http.HttpHost(proxy.host(), proxy.port());
            builder.setProxy(host);
            if (proxy.user().isPresent()) {
                builder.setDefaultCredentialsProvider(org.apache.hc.client5.http.impl.auth.CredentialsProviderBuilder.create()
                        .add(new org.apache.hc.client5.http.auth.AuthScope(host), proxy.user().get(),
                                proxy.password().orElseThrow().reveal().toCharArray())
                        .build());
            }
        }

        /**
         * A connection that never logs headers or wire bytes: HttpClient's own logging connection would
         * write the Authorization header to {@code org.apache.hc.client5.http.headers} at DEBUG.
         */
        private static ManagedHttpClientConnection quietConnection(java.net.Socket socket) throws IOException {
            QuietConnection connection = new QuietConnection();
            if (socket != null) {
                connection.bind(socket);
            }
            return connection;
        }

        /** A request body. */
        static org.apache.hc.core5.http.HttpEntity entity(byte[] body, String contentType) {
            return new ByteArrayEntity(body, ContentType.parse(contentType));
        }
    }

    /** One mapper for every client: thread-safe once configured, and costly to make. */
    private static final class Json {
        static final ObjectMapper MAPPER = create();

        static ObjectMapper create() {
            return new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        }

        static byte[] write(Object body) {
            try {
                return MAPPER.writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
            }
        }

        static <T> T treeToValue(JsonNode tree, Class<T> type) throws IOException {
            return MAPPER.treeToValue(tree, type);
        }
    }

    public static Builder builder(String provider, URI baseUri) {
        return new Builder(provider, baseUri);
    }

    /** A JSON mapper that ignores unknown fields and leaves nulls out of what it writes. */
    public static ObjectMapper newMapper() {
        // made in Json, so that the Jackson types it needs are loaded on first use, not when a provider connects
        return Json.create();
    }

    public String provider() {
        return provider;
    }

    /** The base URI requests are sent under, without a trailing slash. */
    public String baseUri() {
        return baseUri;
    }

    public ErrorContext context() {
        return ErrorContext.of(provider);
    }

    public Clock clock() {
        return clock;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * Where this client's requests, retries and reconciliations are reported; hand it to
     * {@code ProviderBase} so the provider's service calls are reported there too.
     */
    public ProviderEvents events() {
        return events;
    }

    /** The retrier reads go through, for providers that compose reads themselves. */
    public Retrier retrier() {
        Retrier made = retrier;
        if (made != null) {
            return made;
        }
        synchronized (this) {
            if (retrier == null) {
                retrier = new Retrier(settings.retryPolicy(), sleeper, random).reportingTo(events);
            }
            return retrier;
        }
    }

    /** How this provider's purchases and releases are sent and, after a lost answer, reconciled. */
    public Reconciliation reconciliation() {
        Reconciliation made = reconciliation;
        if (made != null) {
            return made;
        }
        synchronized (this) {
            if (reconciliation == null) {
                // more numbers in flight than pooled connections would only queue for a connection
                int concurrency = Math.min(settings.bulkConcurrency(), settings.maxConnections());
                reconciliation = new Reconciliation(ErrorContext.of(provider), retrier(), new Reconciliation.Bulk(concurrency, beside, clock));
            }
            return reconciliation;
        }
    }

    public Redactor redactor() {
        return redactor;
    }

    public ObjectMapper mapper() {
        return Json.MAPPER;
    }

    /** The shared mapper, made on first use, for code that reads provider JSON outside a client. */
    public static ObjectMapper sharedMapper() {
        return Json.MAPPER;
    }

    /** An idempotent read, retried on rate limits and outages (do not wrap it in a {@link Retrier} of your own). */
    public HttpResponse read(HttpRequest request) {
        // the request names the read in the retrier's log, written out only if a retry is logged or reported;
        // the try's number comes from the retrier, so a read allocates no counter of its own
        return retrier().call((Object) request, () -> send(request, Retrier.currentAttempt()));
    }

    /**
     * A write that changes nothing more when repeated (a PUT or PATCH carrying the new values), retried
     * on rate limits and outages like a read. Never use it for a purchase or release: those go through
     * {@link #reconciliation()}.
     */
    public HttpResponse idempotentWrite(String operation, HttpRequest request) {
        return retrier().call(operation, () -> send(request, Retrier.currentAttempt()));
    }

    /** {@link #read(HttpRequest)}, then the body as {@code type}. */
    public <T> T readJson(HttpRequest request, Class<T> type) {
        return json(read(request), type);
    }

    /** Sends once; an error answer becomes the neutral exception. A 401 is retried once if the credentials were renewed. */
    public HttpResponse send(HttpRequest request) {
        return send(request, 1);
    }

    private HttpResponse send(HttpRequest request, int attempt) {
        HttpResponse response = exchange(request, attempt);
        if (response.status() == 401 && authentication.renewAfterUnauthorized()) {
            response = exchange(request, attempt);
        }
        if (response.status() >= 400) {
            ErrorContext context = context().withHttpStatus(response.status());
            Optional<String> requestId = requestId(response);
            if (requestId.isPresent()) {
                context = context.withRequestId(requestId.get());
            }
            throw errors.translate(request, response, context, RetryAfter.parse(response.header("Retry-After"), clock), redactor);
        }
        return response;
    }

    /** A JSON request body. */
    public HttpRequest withJson(HttpRequest request, Object body) {
        return request.body(Json.write(body), "application/json");
    }

    /** The body as {@code type}; an unreadable body is a {@link ProtocolException} quoting a short, secret-free excerpt. */
    public <T> T json(HttpResponse response, Class<T> type) {
        try {
            T value = Json.MAPPER.readValue(response.bodyBytes(), type);
            if (value == null) {
                throw new IOException("empty body");
            }
            return value;
        } catch (IOException e) {
            throw unreadable(response, type.getSimpleName(), e);
        }
    }

    /** The body as {@code type}. */
    public <T> T json(HttpResponse response, TypeReference<T> type) {
        try {
            T value = Json.MAPPER.readValue(response.bodyBytes(), type);
            if (value == null) {
                throw new IOException("empty body");
            }
            return value;
        } catch (IOException e) {
            throw unreadable(response, type.getType().getTypeName(), e);
        }
    }

    /**
     * The body as {@code type}, after checking that every one of {@code requiredFields} is present at its
     * top level (a field documented as always there, even when null, whose absence means a broken answer).
     */
    public <T> T json(HttpResponse response, Class<T> type, String... requiredFields) {
        JsonNode tree = json(response, JsonNode.class);
        for (String field : requiredFields) {
            if (tree == null || !tree.has(field)) {
                throw unreadable(response, type.getSimpleName() + " with '" + field + "'", null);
            }
        }
        try {
            return Json.treeToValue(tree, type);
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable(response, type.getSimpleName(), e);
        }
    }

    /**
     * Maps what was read from {@code response} into neutral values; anything the mapping refuses (a
     * missing field, an invalid number, an unknown enum value) is the provider's broken answer, never the
     * caller's bad input.
     */
    public <T> T mapped(HttpResponse response, String expected, java.util.function.Supplier<T> mapping) {
        try {
            return mapping.get();
        } catch (RuntimeException broken) {
            throw unreadable(response, expected, broken);
        }
    }

    /** The protocol error for an answer that does not have the expected shape. */
    public ProtocolException unreadable(HttpResponse response, String expected, Exception cause) {
        ErrorContext context = context().withHttpStatus(response.status());
        Optional<String> requestId = requestId(response);
        if (requestId.isPresent()) {
            context = context.withRequestId(requestId.get());
        }
        return new ProtocolException("the provider's answer is not a readable " + expected + ": '"
                + redactor.excerpt(response.bodyBytes()) + "'", context, null);
    }

    private HttpResponse exchange(HttpRequest request, int attempt) {
        ClassicHttpRequest message = target().request(request.method(), request.pathAndQuery());
        message.addHeader("Accept", "application/json");
        // loops rather than forEach(message::addHeader), which would make a method reference per request
        for (Map.Entry<String, String> header : authentication.headers().entrySet()) {
            message.addHeader(header.getKey(), header.getValue());
        }
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            message.addHeader(header.getKey(), header.getValue());
        }
        byte[] body = request.bodyBytes();
        if (body != null) {
            message.setEntity(Pool.entity(body, request.contentType().orElse("application/octet-stream")));
        }
        // with DEBUG off and no listener a request costs no clock reads, boxing or header lookups for a line nobody writes
        boolean debug = Log.LOG.isDebugEnabled();
        long started = debug ? clock.millis() : 0;
        ProviderEvents.Exchange reported = events.request(request.method(), request.path(), attempt);
        try {
            HttpResponse response = http().execute(message, RestClient::answerOf);
            if (debug) {
                Log.LOG.debug("{} {} -> {} in {} ms [requestId={}]", provider, request, response.status(),
                        clock.millis() - started, requestId(response).orElse("-"));
            }
            if (events.active()) {
                reported.answered(response.status(), requestId(response));
            }
            return response;
        } catch (IOException e) {
            if (debug) {
                Log.LOG.debug("{} {} -> {} in {} ms", provider, request, e.getClass().getSimpleName(), clock.millis() - started);
            }
            TelephonyException failure = failure(request, e);
            reported.failed(failure);
            throw failure;
        } catch (RuntimeException e) {
            reported.failed(e);
            throw e;
        }
    }

    private static final byte[] NO_BODY = new byte[0];
    /** The largest body read straight into an array of its announced length; a larger one is read as it comes. */
    private static final long DIRECT_READ_LIMIT = 8L << 20;

    /**
     * The answer as {@link HttpResponse} keeps it, made once: header names lower-cased as they are read,
     * and the body read into an array of its length, which the response then owns.
     */
    private static HttpResponse answerOf(org.apache.hc.core5.http.ClassicHttpResponse answer) throws IOException {
        java.util.TreeMap<String, List<String>> headers = new java.util.TreeMap<>();
        for (Header header : answer.getHeaders()) {
            String name = header.getName().toLowerCase(java.util.Locale.ROOT);
            List<String> before = headers.get(name);
            if (before == null) {
                headers.put(name, List.of(header.getValue()));
            } else {
                List<String> more = new ArrayList<>(before);
                more.add(header.getValue());
                headers.put(name, List.copyOf(more));
            }
        }
        return HttpResponse.received(answer.getCode(), headers, body(answer.getEntity()));
    }

    private static byte[] body(org.apache.hc.core5.http.HttpEntity entity) throws IOException {
        if (entity == null) {
            return NO_BODY;
        }
        long length = entity.getContentLength();
        if (length < 0 || length > DIRECT_READ_LIMIT) {
            return EntityUtils.toByteArray(entity);
        }
        try (java.io.InputStream in = entity.getContent()) {
            byte[] bytes = new byte[(int) length];
            int read = in.readNBytes(bytes, 0, bytes.length);
            return read == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, read);
        }
    }

    private TelephonyException failure(HttpRequest request, IOException e) {
        String what;
        if (e instanceof HttpHostConnectException || e instanceof ConnectException || e instanceof ConnectTimeoutException
                || e instanceof UnknownHostException) {
            what = "could not connect for " + request;
        } else if (e instanceof InterruptedIOException) {
            what = "no answer in time to " + request + " (it may have been carried out)";
        } else {
            what = "the connection failed during " + request + " (it may have been carried out): " + e.getClass().getSimpleName();
        }
        return new ProviderUnavailableException(what, context(), null);
    }

    private static Optional<String> requestId(HttpResponse response) {
        for (String name : REQUEST_ID_HEADERS) {
            Optional<String> value = response.header(name);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private static String stripTrailingSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (ownThreads != null) {
            // a purchase in flight finishes its numbers (with the client closed, those not answered yet end unknown)
            ownThreads.shutdown();
        }
        if (http != null) {
            http.close(CloseMode.GRACEFUL);
            connections.close(CloseMode.GRACEFUL);
        }
    }

    @Override
    public String toString() {
        return "RestClient[" + provider + " " + baseUri + ", " + authentication + "]";
    }

    /** Builds a {@link RestClient}. */
    public static final class Builder {
        private final String provider;
        private final URI baseUri;
        /** Null until set, like {@link #errors}: defaults are made in {@link #build()}, only when needed. */
        private Authentication authentication;
        /** Null until set: the default is made in {@link #build()}, so a client given its own makes no other. */
        private ErrorTranslator errors;
        private HttpSettings settings = HttpSettings.defaults();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private RandomGenerator random = ThreadJitter.INSTANCE;
        private java.util.concurrent.Executor executor;
        private TelephonyListener listener;

        private Builder(String provider, URI baseUri) {
            this.provider = provider;
            this.baseUri = baseUri;
            String scheme = baseUri.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || baseUri.getHost() == null) {
                throw new IllegalArgumentException("the base URL must be an absolute http(s) URL with a host");
            }
            if (baseUri.getRawUserInfo() != null) {
                // credentials in a URL would travel into logs and messages with it
                throw new IllegalArgumentException("the base URL must not carry user information; configure credentials separately");
            }
        }

        public Builder authentication(Authentication authentication) {
            this.authentication = Objects.requireNonNull(authentication, "authentication");
            return this;
        }

        public Builder errors(ErrorTranslator errors) {
            this.errors = Objects.requireNonNull(errors, "errors");
            return this;
        }

        public Builder settings(HttpSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Where the provider runs work beside the caller (see {@link RestClient#executor()}), instead of
         * threads of the client's own; the client never shuts it down. Its threads must not themselves
         * wait on a bulk purchase.
         */
        public Builder executor(java.util.concurrent.Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * The listener this client's requests, retries and reconciliations are reported to; by default
         * the one of the configuration a factory is creating its provider from, if any.
         */
        public Builder listener(TelephonyListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public RestClient build() {
            if (errors == null) {
                errors = StatusErrors.statusOnly();
            }
            if (authentication == null) {
                authentication = Authentication.none();
            }
            return new RestClient(this);
        }
    }

    /** The wait {@code response} asked for, if any: the provider's pace for polling. */
    public Optional<Duration> retryAfter(HttpResponse response) {
        return RetryAfter.parse(response.header("Retry-After"), clock);
    }
}
