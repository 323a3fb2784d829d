package io.mizan.rpc;

import io.mizan.json.StrictJson;

import java.util.List;

/** The bodies of successful answers: {@code {"result": R, "invalidate": [keys]}} and {@code {"result": R}}. */
final class Envelope {

    private Envelope() {}

    /**
     * An answer's body as the bytes to send. JAX-RS writes a {@code String} entity through a writer
     * with a buffer of its own (8 KB on Jersey, per answer); bytes go out as they are.
     */
    static byte[] bytes(String json) {
        return json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

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

    /** A call's answer in a batch: {@code {"status":200,"result":R,"invalidate":[keys]}}. */
    static String batchCall(String result, List<String> keys) {
        return "{\"status\":200," + call(result, keys).substring(1);
    }

    /** A context read's answer in a batch: {@code {"status":200,"result":R}}. */
    static String batchRead(String result) {
        return "{\"status\":200,\"result\":" + result + "}";
    }

    /** A failed entry's answer in a batch: {@code {"status":S,"error":{problem}}}. */
    static String batchFailure(int status, String problem) {
        return "{\"status\":" + status + ",\"error\":" + problem + "}";
    }

    /** A context read's answer. */
    static String context(String result) {
        return "{\"result\":" + result + "}";
    }
}
