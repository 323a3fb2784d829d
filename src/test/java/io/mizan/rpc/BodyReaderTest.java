package io.mizan.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mizan.MizanException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A call's body is read up to {@code mizan.max-body-bytes}: a larger one is a 413, refused from its
 * {@code Content-Length} before a byte is read, or as soon as the bytes read pass the limit when the
 * header is missing or lies.
 */
class BodyReaderTest {

    /** A body of {@code size} bytes that fails the test if it is read at all when {@code unread}. */
    static InputStream body(int size, boolean unread) {
        if (size < 0) {
            return null;
        }
        if (unread) {
            return new InputStream() {
                @Override
                public int read() {
                    throw new AssertionError("the body was read");
                }
            };
        }
        return new ByteArrayInputStream(new byte[size]);
    }

    static int status(String contentLength, int size, long limit, boolean unread) {
        try {
            byte[] read = BodyReader.read(body(size, unread), contentLength, limit);
            assertEquals(Math.max(size, 0), read.length);
            return 200;
        } catch (MizanException e) {
            return e.status();
        }
    }

    @ParameterizedTest(name = "Content-Length {0}, {1} bytes, limit {2}: {3}")
    @CsvSource(
            nullValues = "-",
            value = {
                // Content-Length, bytes sent (-1: no body), limit, status
                "-,        0,     10,    200",
                "-,        -1,    10,    200",
                "0,        0,     10,    200",
                "10,       10,    10,    200",
                "' 10 ',   10,    10,    200",
                "-,        10,    10,    200",
                "-,        11,    10,    413",
                "3,        11,    10,    413",
                "-,        20000, 16384, 413",
                "-,        16384, 16384, 200",
                "-,        8193,  8192,  413",
                "abc,      0,     10,    400",
                "'',       0,     10,    400",
                "-1,       0,     10,    400",
                "+5,       5,     10,    400",
                "'5 5',    5,     10,    400",
                // the same length sent twice, joined by the server: one length (RFC 9110, 8.6)
                "'5,5',    5,     10,    200",
                "'5, 5 ,5', 5,    10,    200",
                "'5,6',    5,     10,    400",
                "'5,',     5,     10,    400",
                "',5',     5,     10,    400"
            })
    void readsUpToTheLimit(String contentLength, int size, long limit, int status) {
        assertEquals(status, status(contentLength, size, limit, false));
    }

    @ParameterizedTest(name = "Content-Length {0}, limit {1}")
    @CsvSource({"11, 10", "9223372036854775807, 1048576", "99999999999999999999999, 1048576", "'11,11', 10"})
    void aDeclaredLengthOverTheLimitIsRefusedUnread(String contentLength, long limit) {
        assertEquals(413, status(contentLength, 0, limit, true));
    }

    @org.junit.jupiter.api.Test
    void aBodyThatCannotBeReadIsA400() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertEquals(
                400,
                assertThrows(MizanException.class, () -> BodyReader.read(broken, null, 10))
                        .status());
    }
}
