package io.mizan.rpc;

import io.mizan.messages.Messages;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query string's parameters, decoded as JAX-RS decodes them for a resource: split at {@code &},
 * each name and value decoded as a form field is ({@code +} is a space, {@code %XX} a UTF-8 byte), a
 * parameter without {@code =} has the value {@code ""}, one without a name is ignored.
 *
 * <pre>{@code
 * board=general&q=caf%C3%A9+au+lait  ->  {board=[general], q=[café au lait]}
 * }</pre>
 */
final class QueryString {

    private QueryString() {}

    /**
     * @param raw the query as sent ({@code request.getQueryString()}), or {@code null}
     * @throws io.mizan.MizanException 400 when a {@code %} escape is malformed
     */
    static Map<String, List<String>> parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
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
            if (end > at && equals != at) {
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
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Messages.malformedQuery();
        }
    }
}
