package io.mizan.rpc;

import io.mizan.messages.Messages;

import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a limit, stopping as soon as the limit is passed. */
final class BodyReader {

    private BodyReader() {}

    static byte[] read(InputStream in, String contentLength, long limit) {
        long declared = -1;
        if (contentLength != null) {
            declared = declaredLength(contentLength);
            if (declared > limit) {
                throw Messages.bodyTooLarge(limit);
            }
        }
        if (in == null) {
            return new byte[0];
        }
        try {
            // the declared length in one piece, without a buffer to grow; a server ends the stream there
            byte[] body = declared >= 0 ? in.readNBytes((int) declared) : new byte[0];
            int next = declared >= 0 ? in.read() : -2;
            if (next == -1) {
                return body;
            }
            // no length given (chunked), or a stream that goes on past it: read one byte past the limit
            // to know that it is passed
            byte[] rest =
                    in.readNBytes((int) Math.min(limit + 1 - body.length - (next >= 0 ? 1 : 0), Integer.MAX_VALUE - 8));
            int total = body.length + (next >= 0 ? 1 : 0) + rest.length;
            if (total > limit) {
                throw Messages.bodyTooLarge(limit);
            }
            byte[] all = java.util.Arrays.copyOf(body, total);
            if (next >= 0) {
                all[body.length] = (byte) next;
            }
            System.arraycopy(rest, 0, all, total - rest.length, rest.length);
            return all;
        } catch (IOException e) {
            throw Messages.bodyUnreadable();
        }
    }

    /**
     * The length a {@code Content-Length} header declares: digits only (RFC 9110, 8.6), so neither {@code -1} nor
     * {@code +5}; the same value sent twice, which a server hands on joined ({@code 12,12}), is that value. Past
     * what a {@code long} holds it is {@link Long#MAX_VALUE}, over any limit.
     */
    static long declaredLength(String header) {
        int comma = header.indexOf(',');
        String value = (comma < 0 ? header : header.substring(0, comma)).trim();
        for (int at = comma; at >= 0; at = header.indexOf(',', at + 1)) {
            int end = header.indexOf(',', at + 1);
            if (!header.substring(at + 1, end < 0 ? header.length() : end)
                    .trim()
                    .equals(value)) {
                throw Messages.contentLengthNotANumber();
            }
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                throw Messages.contentLengthNotANumber();
            }
        }
        if (value.isEmpty()) {
            throw Messages.contentLengthNotANumber();
        }
        return value.length() > 18 ? Long.MAX_VALUE : Long.parseLong(value);
    }
}
