package dev.cachedeck.server.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The bytes stored in Redis. An entry is {@code 'E'}, flags, tags with their asOf, payload (deflated when
 * larger than the threshold); a lease placeholder is {@code 'L'} and a random token, so a lease and
 * a value can share one key and a compare-and-set on that key stays single-slot.
 */
public final class EnvelopeCodec {
    private static final byte ENTRY = 'E';
    private static final byte LEASE = 'L';
    private static final byte COMPRESSED = 1;
    private static final int TOKEN_BYTES = 16;
    private static final int MAX_TAGS = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final int compressAboveBytes;

    public EnvelopeCodec(int compressAboveBytes) {
        this.compressAboveBytes = compressAboveBytes;
    }

    /** Raised for bytes that are not an entry this codec wrote; the caller treats it as a miss. */
    public static final class CorruptEntryException extends RuntimeException {
        CorruptEntryException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public byte[] newLease() {
        byte[] lease = new byte[1 + TOKEN_BYTES];
        lease[0] = LEASE;
        byte[] token = new byte[TOKEN_BYTES];
        random.nextBytes(token);
        System.arraycopy(token, 0, lease, 1, TOKEN_BYTES);
        return lease;
    }

    public static boolean isLease(byte[] stored) {
        return stored.length > 0 && stored[0] == LEASE;
    }

    public byte[] encode(Envelope envelope) {
        byte[] payload = envelope.payload();
        boolean compress = payload.length > compressAboveBytes;
        byte[] body = compress ? deflate(payload) : payload;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(ENTRY);
            out.writeByte(compress ? COMPRESSED : 0);
            out.writeInt(envelope.tags().size());
            for (var tag : envelope.tags().entrySet()) {
                out.writeUTF(tag.getKey());
                out.writeLong(tag.getValue());
            }
            out.writeInt(payload.length);
            out.writeInt(body.length);
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public Envelope decode(byte[] stored) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
            if (in.readByte() != ENTRY) {
                throw new IOException("not an entry");
            }
            boolean compressed = (in.readByte() & COMPRESSED) != 0;
            int tagCount = in.readInt();
            if (tagCount < 0 || tagCount > MAX_TAGS) {
                throw new IOException("implausible tag count " + tagCount);
            }
            Map<String, Long> tags = new HashMap<>();
            for (int i = 0; i < tagCount; i++) {
                tags.put(in.readUTF(), in.readLong());
            }
            int length = in.readInt();
            byte[] body = in.readNBytes(in.readInt());
            byte[] payload = compressed ? inflate(body, length) : body;
            if (payload.length != length || in.available() > 0) {
                throw new IOException("length mismatch");
            }
            return new Envelope(tags, payload);
        } catch (IOException | DataFormatException | RuntimeException e) {
            throw new CorruptEntryException("undecodable cache entry: " + e.getMessage(), e);
        }
    }

    private static byte[] deflate(byte[] input) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(input);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 2 + 16);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] input, int length) throws DataFormatException {
        if (length < 0 || length > 64 * 1024 * 1024) {
            throw new DataFormatException("implausible length " + length);
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(input);
            byte[] out = new byte[length];
            int read = 0;
            while (read < length && !inflater.finished()) {
                int n = inflater.inflate(out, read, length - read);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated");
                }
                read += n;
            }
            return out;
        } finally {
            inflater.end();
        }
    }
}
