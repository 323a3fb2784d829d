package io.mizan.rpc;

import io.mizan.json.StrictJson;

import java.util.List;

/** The bodies of successful answers: {@code {"result": R, "invalidate": [keys]}} and {@code {"result": R}}. */
final class Envelope {

    private Envelope() {}

    /** A call's answer. */
    static String call(String result, List<String> keys) {
        StringBuilder out = new StringBuilder(result.length() + 32)
                .append("{\"result\":")
                .append(result)
                .append(",\"invalidate\":[");
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(StrictJson.PROVIDER.createValue(keys.get(i)));
        }
        return out.append("]}").toString();
    }

    /** A context read's answer. */
    static String context(String result) {
        return "{\"result\":" + result + "}";
    }
}
