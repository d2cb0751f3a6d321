package nexttoken.poll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A few lines of HTTP/1.1 over a plain socket, bound to a chosen loopback source address, so a
 * test can be a phone at 127.0.3.7 and send what no well-behaved client would.
 */
public final class RawHttp {
    public record Answer(int status, String headers, String body) {
    }

    private RawHttp() {
    }

    static Socket connect(int port, String from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    public static Answer get(int port, String path) throws IOException {
        return send(port, "127.0.0.1", "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    }

    static Answer get(int port, String path, String extraHeaders) throws IOException {
        return send(port, "127.0.0.1", "GET " + path + " HTTP/1.1\r\nHost: x\r\n" + extraHeaders + "Connection: close\r\n\r\n");
    }

    public static Answer vote(int port, String from, String path, String body) throws IOException {
        return send(port, from, voteRequest(path, body, true));
    }

    static String voteRequest(String path, String body, boolean close) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + bytes.length + "\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n" + body;
    }

    static Answer send(int port, String from, String request) throws IOException {
        return send(port, from, request.getBytes(StandardCharsets.UTF_8));
    }

    static Answer send(int port, String from, byte[] request) throws IOException {
        try (Socket socket = connect(port, from)) {
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return parse(readAll(socket.getInputStream()));
        }
    }

    /** Every status line in what came back: the answers to pipelined requests. */
    static List<Integer> statuses(String response) {
        List<Integer> out = new ArrayList<>();
        for (String line : response.split("\r?\n")) {
            if (line.startsWith("HTTP/1.1 ")) {
                out.add(Integer.parseInt(line.substring(9, 12)));
            }
        }
        return out;
    }

    static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // What arrived before the server stopped talking or reset the connection is the answer.
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    static Answer parse(String response) {
        int end = response.indexOf("\r\n\r\n");
        if (!response.startsWith("HTTP/1.1 ") || end < 0) {
            return new Answer(-1, response, "");
        }
        return new Answer(Integer.parseInt(response.substring(9, 12)), response.substring(0, end), response.substring(end + 4));
    }
}
