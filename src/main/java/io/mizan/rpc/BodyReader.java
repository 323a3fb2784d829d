package io.mizan.rpc;

import io.mizan.messages.Messages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a limit, stopping as soon as the limit is passed. */
final class BodyReader {

    private BodyReader() {}

    static byte[] read(InputStream in, String contentLength, long limit) {
        if (contentLength != null) {
            try {
                if (Long.parseLong(contentLength.trim()) > limit) {
                    throw Messages.bodyTooLarge(limit);
                }
            } catch (NumberFormatException e) {
                throw Messages.contentLengthNotANumber();
            }
        }
        if (in == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        try {
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > limit) {
                    throw Messages.bodyTooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw Messages.bodyUnreadable();
        }
        return out.toByteArray();
    }
}
