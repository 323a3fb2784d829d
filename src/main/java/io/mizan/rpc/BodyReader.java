package io.mizan.rpc;

import io.mizan.MizanException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a limit, stopping as soon as the limit is passed. */
final class BodyReader {

    private BodyReader() {
    }

    static byte[] read(InputStream in, String contentLength, long limit) {
        if (contentLength != null) {
            try {
                if (Long.parseLong(contentLength.trim()) > limit) {
                    throw tooLarge(limit);
                }
            } catch (NumberFormatException e) {
                throw new MizanException(400, "The Content-Length header is not a number");
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
                    throw tooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new MizanException(400, "The body could not be read");
        }
        return out.toByteArray();
    }

    private static MizanException tooLarge(long limit) {
        return new MizanException(413, "The body is larger than " + limit + " bytes");
    }
}
