package dev.cachedeck.server.loadgen;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * A lean HTTP/1.1 client on one kept-alive socket, for load where a general client's own cost would hide the
 * server's (issue 13 measured {@code java.net.http} at an eighth of what {@code wrk} reached on the same server).
 * Each request is encoded into one reused byte array and written with one call; the answer is parsed in place
 * from one reused buffer, keeping only the status, {@code X-Cache} and {@code X-DB-Queries}; the body is read and
 * dropped. Bodies with {@code Content-Length}, chunked bodies and bodies ended by the server closing the
 * connection are all understood. Not thread-safe: one request at a time, as HTTP/1.1 without pipelining is.
 */
public final class KeepAliveConnection implements AutoCloseable {
    private static final byte[] HTTP_1_1 = " HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JSON_BODY = "Content-Type: application/json\r\nContent-Length: "
            .getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final InetSocketAddress address;
    private final byte[] fixedHeaders;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private byte[] encoded = new byte[1024];
    private int encodedLength;
    private boolean closeAfterAnswer;

    /** Connects on the first request; {@code timeout} bounds the connect and every wait for answer bytes. */
    public KeepAliveConnection(LoadTarget target, Duration timeout) {
        this.address = target.address();
        this.fixedHeaders = target.fixedHeaders();
        this.timeoutMillis = Math.toIntExact(Math.max(1, timeout.toMillis()));
    }

    /**
     * Sends {@code request} and reads its whole answer. A GET on a reused connection that the server had closed
     * while it was idle is sent once more on a new one; a write is not repeated (the server may have applied it).
     */
    public LoadAnswer send(LoadRequest request) throws IOException {
        boolean reused = socket != null;
        try {
            return exchange(request);
        } catch (ClosedBeforeAnswer e) {
            close();
            if (!reused || !request.method().equals("GET")) {
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        try {
            return exchange(request);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private LoadAnswer exchange(LoadRequest request) throws IOException {
        if (socket == null) {
            open();
        }
        encode(request);
        out.write(encoded, 0, encodedLength);
        LoadAnswer answer = readAnswer();
        if (closeAfterAnswer) {
            close();
        }
        return answer;
    }

    private void open() throws IOException {
        Socket opened = new Socket();
        try {
            opened.setTcpNoDelay(true);
            opened.connect(address, timeoutMillis);
            opened.setSoTimeout(timeoutMillis);
            in = opened.getInputStream();
            out = opened.getOutputStream();
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        socket = opened;
        position = 0;
        limit = 0;
    }

    private void encode(LoadRequest request) {
        encodedLength = 0;
        ascii(request.method());
        append((byte) ' ');
        ascii(request.path());
        append(HTTP_1_1);
        append(fixedHeaders);
        byte[] body = request.body();
        if (body.length > 0) {
            append(JSON_BODY);
            ascii(Integer.toString(body.length));
            append((byte) '\r');
            append((byte) '\n');
        }
        append((byte) '\r');
        append((byte) '\n');
        append(body);
    }

    private void ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 126 || c < 32) {
                throw new IllegalArgumentException("not a plain ASCII request line: " + text);
            }
            encoded[encodedLength++] = (byte) c;
        }
    }

    private void append(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, encoded, encodedLength, bytes.length);
        encodedLength += bytes.length;
    }

    private void append(byte b) {
        ensure(1);
        encoded[encodedLength++] = b;
    }

    private void ensure(int more) {
        if (encodedLength + more > encoded.length) {
            encoded = Arrays.copyOf(encoded, Math.max(encoded.length * 2, encodedLength + more));
        }
    }

    private LoadAnswer readAnswer() throws IOException {
        int headEnd = fillPastHead();
        int status = statusCode();
        long contentLength = -1;
        boolean chunked = false;
        String cache = null;
        int statements = 0;
        String instance = null;
        closeAfterAnswer = false;
        int line = lineEnd(position) + 2;
        while (line < headEnd - 2) {
            int end = lineEnd(line);
            int colon = indexOf((byte) ':', line, end);
            if (colon > 0) {
                int value = skipSpaces(colon + 1, end);
                int valueEnd = trimEnd(value, end);
                if (nameIs("content-length", line, colon)) {
                    contentLength = digits(value, valueEnd);
                } else if (nameIs("transfer-encoding", line, colon)) {
                    chunked = nameIs("chunked", value, valueEnd);
                } else if (nameIs("connection", line, colon)) {
                    closeAfterAnswer = nameIs("close", value, valueEnd);
                } else if (nameIs("x-cache", line, colon)) {
                    cache = text(value, valueEnd);
                } else if (nameIs("x-db-queries", line, colon)) {
                    statements = (int) digits(value, valueEnd);
                } else if (nameIs("x-cachedeck-instance", line, colon)) {
                    instance = text(value, valueEnd);
                }
            }
            line = end + 2;
        }
        position = headEnd;
        if (chunked) {
            skipChunkedBody();
        } else if (contentLength >= 0) {
            skip(contentLength);
        } else if (status != 204 && status != 304 && status >= 200) {
            skipUntilClosed();
        }
        return new LoadAnswer(status, cache, statements, instance);
    }

    /** Reads until the blank line that ends the head; returns the index just past it. */
    private int fillPastHead() throws IOException {
        int scanned = 0;
        while (true) {
            for (int i = position + Math.max(0, scanned - 3); i + 3 < limit; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                    return i + 4;
                }
            }
            scanned = limit - position;
            if (scanned >= MAX_HEAD_BYTES) {
                throw new IOException("answer head longer than " + MAX_HEAD_BYTES + " bytes");
            }
            if (!fill()) {
                throw scanned == 0 ? new ClosedBeforeAnswer() : new IOException("connection closed inside an answer head");
            }
        }
    }

    /** Reads more bytes after {@code limit}, moving unread ones to the front first; false at end of stream. */
    private boolean fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            return false;
        }
        limit += read;
        return true;
    }

    private int statusCode() throws IOException {
        if (limit - position < 12 || buffer[position] != 'H' || buffer[position + 8] != ' ') {
            throw new IOException("not an HTTP/1.1 status line: " + text(position, lineEnd(position)));
        }
        int code = 0;
        for (int i = position + 9; i < position + 12; i++) {
            int digit = buffer[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IOException("bad status code: " + text(position, lineEnd(position)));
            }
            code = code * 10 + digit;
        }
        return code;
    }

    private void skipChunkedBody() throws IOException {
        while (true) {
            int end = lineEndFilling();
            int semicolon = indexOf((byte) ';', position, end);
            long size = Long.parseLong(text(position, semicolon < 0 ? end : semicolon).trim(), 16);
            position = end + 2;
            if (size == 0) {
                // Trailer lines, if any, up to the blank line that ends the message.
                for (int trailer = lineEndFilling(); trailer != position; trailer = lineEndFilling()) {
                    position = trailer + 2;
                }
                position += 2;
                return;
            }
            skip(size + 2);
        }
    }

    /** The end of the line starting at {@code position}, reading more until it is complete. */
    private int lineEndFilling() throws IOException {
        while (true) {
            for (int i = position; i + 1 < limit; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                    return i;
                }
            }
            if (!fill()) {
                throw new IOException("connection closed inside a chunked body");
            }
        }
    }

    private void skip(long bytes) throws IOException {
        long remaining = bytes;
        while (remaining > 0) {
            if (position == limit) {
                position = 0;
                limit = 0;
                if (!fill()) {
                    throw new IOException("connection closed inside an answer body");
                }
            }
            int taken = (int) Math.min(remaining, limit - position);
            position += taken;
            remaining -= taken;
        }
    }

    private void skipUntilClosed() throws IOException {
        position = 0;
        limit = 0;
        while (fill()) {
            position = limit;
        }
        closeAfterAnswer = true;
    }

    private int lineEnd(int from) {
        for (int i = from; i + 1 < limit; i++) {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                return i;
            }
        }
        return limit;
    }

    private int indexOf(byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private int skipSpaces(int from, int to) {
        int i = from;
        while (i < to && (buffer[i] == ' ' || buffer[i] == '\t')) {
            i++;
        }
        return i;
    }

    private int trimEnd(int from, int to) {
        int i = to;
        while (i > from && (buffer[i - 1] == ' ' || buffer[i - 1] == '\t')) {
            i--;
        }
        return i;
    }

    /** A header value of ASCII digits, read in place: these headers come with every answer. */
    private long digits(int from, int to) throws IOException {
        if (from == to) {
            throw new IOException("empty number in a header");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = buffer[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IOException("not a number in a header: " + text(from, to));
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** Header names (and the few values compared) are case-insensitive; {@code lowerCase} is given in lower case. */
    private boolean nameIs(String lowerCase, int from, int to) {
        if (to - from != lowerCase.length()) {
            return false;
        }
        for (int i = 0; i < lowerCase.length(); i++) {
            int b = buffer[from + i];
            if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != lowerCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String text(int from, int to) {
        return new String(buffer, from, to - from, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing a socket that already failed; nothing is left to release.
            }
            socket = null;
        }
    }

    /** The connection ended before a single byte of the answer: the server had closed it. */
    private static final class ClosedBeforeAnswer extends IOException {
        ClosedBeforeAnswer() {
            super("connection closed before the answer");
        }
    }
}
