package io.mizan.rpc;

import io.mizan.messages.Messages;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query string's parameters, decoded as JAX-RS decodes them for a resource: split at {@code &},
 * each name and value decoded as a form field is ({@code +} is a space, {@code %XX} a UTF-8 byte), a
 * parameter without {@code =} has the value {@code ""}. Stricter than a form decoder, as a call's
 * JSON body is: escapes that are not well-formed UTF-8 (a broken sequence, an overlong form, an
 * encoded surrogate) are refused rather than turned into U+FFFD, and so is a parameter without a
 * name, which no context's parameter can be, and a character that is not printable ASCII: a URL carries others only
 * escaped, and the bytes of one sent as they are reach the application in whatever charset the server reads them.
 *
 * <pre>{@code
 * board=general&q=caf%C3%A9+au+lait  ->  {board=[general], q=[café au lait]}
 * }</pre>
 */
final class QueryString {

    private QueryString() {}

    /**
     * @param raw the query as sent ({@code request.getQueryString()}), or {@code null}
     * @throws io.mizan.MizanException 400 when a {@code %} escape is malformed or not UTF-8, a character is not
     *     printable ASCII, or a parameter has no name
     */
    static Map<String, List<String>> parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c <= ' ' || c > '~') {
                // sent as it is rather than escaped: the server read its bytes in a charset of its own choosing
                throw Messages.malformedQuery();
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        int at = 0;
        while (at <= raw.length()) {
            int amp = raw.indexOf('&', at);
            int end = amp < 0 ? raw.length() : amp;
            int equals = raw.indexOf('=', at);
            if (equals >= end) {
                equals = -1;
            }
            if (end > at) {
                if (equals == at) {
                    throw Messages.queryParameterWithoutName();
                }
                String name = decode(raw.substring(at, equals < 0 ? end : equals));
                String value = equals < 0 ? "" : decode(raw.substring(equals + 1, end));
                out.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
            }
            at = end + 1;
        }
        return out;
    }

    private static String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '%') {
                out.append(c == '+' ? ' ' : c);
                i++;
                continue;
            }
            // a run of escapes is decoded at once: one character's bytes are never split across runs
            int end = i;
            while (end < text.length() && text.charAt(end) == '%') {
                end += 3;
            }
            if (end > text.length()) {
                throw Messages.malformedQuery();
            }
            byte[] bytes = new byte[(end - i) / 3];
            for (int b = 0; b < bytes.length; b++) {
                int at = i + 3 * b;
                bytes[b] = (byte) (hex(text.charAt(at + 1)) << 4 | hex(text.charAt(at + 2)));
            }
            try {
                out.append(StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)));
            } catch (CharacterCodingException e) {
                throw Messages.malformedQuery();
            }
            i = end;
        }
        return out.toString();
    }

    /** An ASCII hex digit's value; anything else makes the escape malformed. */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw Messages.malformedQuery();
    }
}
