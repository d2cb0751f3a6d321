package nexttoken.poll;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.UrlEncoded;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The class poll on the room's network (contracts.md "Class poll"): Jetty, with its own limits
 * for what a hostile client can send — header size (431), idle and slow connections (closed),
 * the number of connections (the rest wait to be accepted) — and ours for the rest: bodies over
 * 1 KB (413), more than 5 votes a second from one address (429), a wrong code (404), a token
 * not in the vocabulary or a malformed body (400), a vote after the poll closed (410). Nothing
 * is written to disk and no name is asked: a device is its address.
 */
public final class PollServer implements AutoCloseable {
    public static final int MAX_BODY_BYTES = 1024;

    /**
     * The limits a hostile or broken client meets.
     *
     * @param idleTimeoutMillis   a connection that sends nothing for this long is closed
     * @param maxConnectionMillis no connection lives longer, however slowly it sends (a slow-header attack)
     * @param maxConnections      at most this many open at once; more wait to be accepted
     * @param maxHeaderBytes      a request whose headers are larger gets 431
     */
    public record Limits(long idleTimeoutMillis, long maxConnectionMillis, int maxConnections, int maxHeaderBytes) {
        /** Enough for a class of a few hundred phones, with room for the page's own keep-alive requests. */
        public static final Limits CLASSROOM = new Limits(10_000, 30_000, 400, 4096);
    }

    private final PollModel poll;
    private final String code;
    private final Locale lessonLanguage;
    private final PollJson json;
    private final PhonePage page;
    private final VoteRate rate;
    private final Server server;
    private final ServerConnector connector;

    /**
     * Starts serving at once; {@link #address()} is what the students open.
     *
     * @param bind    the interface to listen on (the app never offers loopback; tests and the CLI may use it)
     * @param port    0 for a free port
     * @param palette the token colours as CSS, the same the projector uses
     */
    public PollServer(PollModel poll, ModelSide model, List<String> palette, Locale lessonLanguage, InetAddress bind,
                      int port, Limits limits) throws IOException {
        this.poll = poll;
        this.code = PollCode.random();
        this.lessonLanguage = lessonLanguage;
        this.json = new PollJson(poll, model, palette);
        this.page = new PhonePage(code);
        this.rate = new VoteRate(System::nanoTime);

        // Few threads: a room's votes are tiny requests, and every runnable server thread is one more
        // the projector's FX thread shares the laptop's cores with while a class votes at once.
        QueuedThreadPool threads = new QueuedThreadPool(8, 2);
        threads.setName("poll");
        threads.setDaemon(true);
        // Every thread daemon, the scheduler's too (Jetty's own is not): a window closed during a poll
        // must end the program, and the server with it, rather than leave it listening.
        server = new Server(threads, new ScheduledExecutorScheduler("poll-scheduler", true), null);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(limits.maxHeaderBytes());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // A body that trickles in slower than this is dropped, as a header that trickles is by maxConnectionMillis.
        http.setMinRequestDataRate(64);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(bind.getHostAddress());
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeoutMillis());
        connector.setAcceptQueueSize(512);
        connector.addEventListener(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                connector.getScheduler().schedule(() -> connection.getEndPoint().close(), limits.maxConnectionMillis(),
                        TimeUnit.MILLISECONDS);
            }
        });
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowCauses(false);
        errors.setShowMessageInTitle(false);
        server.setErrorHandler(errors);
        server.setHandler(new PollHandler());
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly();
            throw new IOException("cannot listen on " + bind.getHostAddress() + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public String code() {
        return code;
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://ADDR:PORT/CODE}, the first line the {@code poll} command prints. */
    public String address() {
        String host = connector.getHost();
        try {
            if (InetAddress.getByName(host) instanceof Inet6Address) {
                host = "[" + host + "]";
            }
        } catch (IOException e) {
            // The host is the literal address we bound, so it always parses; keep it as it is.
        }
        return "http://" + host + ":" + port() + "/" + code;
    }

    public PollModel poll() {
        return poll;
    }

    /** Stops the server; the poll's votes stay readable. */
    @Override
    public void close() {
        poll.close();
        stopQuietly();
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping a server that failed to start, or twice: nothing is left to release.
        }
    }

    private final class PollHandler extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws IOException {
            String path = Request.getPathInContext(request);
            String rest = pathAfterCode(path);
            if (rest == null) {
                return answer(response, callback, HttpStatus.NOT_FOUND_404);
            }
            String method = request.getMethod();
            switch (rest) {
                case "", "/" -> {
                    if (!isGet(method)) {
                        return notAllowed(response, callback, "GET");
                    }
                    String nonce = PhonePage.nonce();
                    Locale language = PhonePage.language(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE), lessonLanguage);
                    response.getHeaders().put("Content-Security-Policy", PhonePage.contentSecurityPolicy(nonce));
                    return send(response, callback, "text/html; charset=utf-8", page.html(language, nonce));
                }
                case "/state" -> {
                    return isGet(method) ? send(response, callback, "application/json; charset=utf-8", json.state())
                            : notAllowed(response, callback, "GET");
                }
                case "/status" -> {
                    return isGet(method) ? send(response, callback, "application/json; charset=utf-8", json.status())
                            : notAllowed(response, callback, "GET");
                }
                case "/vote" -> {
                    return HttpMethod.POST.is(method) ? vote(request, response, callback)
                            : notAllowed(response, callback, "POST");
                }
                default -> {
                    return answer(response, callback, HttpStatus.NOT_FOUND_404);
                }
            }
        }

        /** What follows "/CODE" in the path, or null when the path does not start with the code. */
        private String pathAfterCode(String path) {
            if (path == null || path.length() < code.length() + 1 || path.charAt(0) != '/') {
                return null;
            }
            // A phone keyboard capitalizes the first letter of a typed address; the code has no capitals of its own.
            String candidate = path.substring(1, code.length() + 1).toLowerCase(Locale.ROOT);
            if (!java.security.MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8),
                    code.getBytes(StandardCharsets.UTF_8))) {
                return null;
            }
            String rest = path.substring(code.length() + 1);
            return rest.isEmpty() || rest.charAt(0) == '/' ? rest : null;
        }

        private boolean vote(Request request, Response response, Callback callback) throws IOException {
            long declared = request.getLength();
            if (declared > MAX_BODY_BYTES) {
                return answer(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413);
            }
            byte[] body;
            try (InputStream in = Content.Source.asInputStream(request)) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                return answer(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413);
            }
            if (!poll.isOpen()) {
                return answer(response, callback, HttpStatus.GONE_410);
            }
            String token = tokenOf(body);
            if (token == null) {
                return answer(response, callback, HttpStatus.BAD_REQUEST_400);
            }
            String device = Request.getRemoteAddr(request);
            if (!rate.allow(device)) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
                return answer(response, callback, HttpStatus.TOO_MANY_REQUESTS_429);
            }
            return switch (poll.vote(device, token)) {
                case COUNTED, REPLACED -> answer(response, callback, HttpStatus.NO_CONTENT_204);
                case UNKNOWN_TOKEN -> answer(response, callback, HttpStatus.BAD_REQUEST_400);
                case CLOSED -> answer(response, callback, HttpStatus.GONE_410);
            };
        }

        private boolean isGet(String method) {
            return HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method);
        }

        private boolean notAllowed(Response response, Callback callback, String allowed) {
            response.getHeaders().put(HttpHeader.ALLOW, allowed);
            return answer(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
        }
    }

    /** The token of a body {@code token=<token>}, form-encoded; null for anything else. */
    static String tokenOf(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
        Fields fields = new Fields();
        try {
            UrlEncoded.decodeUtf8To(text, fields);
        } catch (RuntimeException malformed) {
            return null;
        }
        Fields.Field token = fields.get("token");
        if (fields.getSize() != 1 || token == null || token.getValues().size() != 1) {
            return null;
        }
        return token.getValue();
    }

    private static boolean answer(Response response, Callback callback, int status) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (status == HttpStatus.NO_CONTENT_204) {
            callback.succeeded();
        } else {
            // A short plain-text reason: our status codes are the answer, not an HTML error page.
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            Content.Sink.write(response, true, status + " " + HttpStatus.getMessage(status) + "\n", callback);
        }
        return true;
    }

    private static boolean send(Response response, Callback callback, String type, String body) {
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        Content.Sink.write(response, true, body, callback);
        return true;
    }
}
