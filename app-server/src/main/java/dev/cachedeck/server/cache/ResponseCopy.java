package dev.cachedeck.server.cache;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Passes a response body through to the client and keeps a copy for the response tier, up to a limit. */
final class ResponseCopy extends FilterOutputStream {
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private final int limit;
    private boolean overflowed;

    ResponseCopy(OutputStream out, int limit) {
        super(out);
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        keep(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        keep(bytes, offset, length);
    }

    /** The whole body, or null when it was larger than the limit (then it is not cached). */
    byte[] body() {
        return overflowed ? null : copy.toByteArray();
    }

    private void keep(byte[] bytes, int offset, int length) {
        if (!overflowed && copy.size() + length > limit) {
            overflowed = true;
            copy.reset();
        }
        if (!overflowed) {
            copy.write(bytes, offset, length);
        }
    }
}
