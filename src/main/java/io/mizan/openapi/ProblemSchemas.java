package io.mizan.openapi;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import java.util.List;

/**
 * The schemas of what a failed or checked call answers: the problem body every error response shares
 * ({@value OpenApiDocument#PROBLEM}), the field error it and a form's check list
 * ({@value #FIELD_ERROR}), and the result of a form's {@code <form>.validate}.
 */
final class ProblemSchemas {

    /** The component of one failed constraint. */
    static final String FIELD_ERROR = "MizanFieldError";

    private static final JsonProvider JSON = JsonProvider.provider();

    private ProblemSchemas() {}

    /** {@code <form>.validate}'s result: {@code {"valid": false, "errors": [{"path", "message"}]}}. */
    static JsonObject validation() {
        return JSON.createObjectBuilder()
                .add("type", "object")
                .add(
                        "properties",
                        JSON.createObjectBuilder()
                                .add("valid", JSON.createObjectBuilder().add("type", "boolean"))
                                .add("errors", errors()))
                .add("required", OpenApiSchemas.strings(List.of("errors", "valid")))
                .build();
    }

    private static JsonObjectBuilder errors() {
        return JSON.createObjectBuilder()
                .add("type", "array")
                .add("items", JSON.createObjectBuilder().add("$ref", OpenApiSchemas.COMPONENTS + FIELD_ERROR));
    }

    /** RFC 9457 problem details as Mizan writes them (the problem writer of the RPC endpoints). */
    static JsonObject problem() {
        JsonObjectBuilder text = JSON.createObjectBuilder().add("type", "string");
        return object(
                JSON.createObjectBuilder()
                        .add("type", text)
                        .add("title", text)
                        .add("status", JSON.createObjectBuilder().add("type", "integer"))
                        .add("detail", text)
                        .add(
                                "code",
                                JSON.createObjectBuilder(text.build())
                                        .add("description", "Mizan's id of the problem: MIZAN-137"))
                        .add(
                                "id",
                                JSON.createObjectBuilder(text.build())
                                        .add("description", "For 500: the error id the log shows"))
                        .add("errors", errors().add("description", "For 422: each failed constraint"))
                        .add(
                                "retryAfter",
                                JSON.createObjectBuilder()
                                        .add("type", "integer")
                                        .add(
                                                "description",
                                                "For 429 and 503: the seconds to wait, as Retry-After says")),
                List.of("status", "title"));
    }

    static JsonObject fieldError() {
        return object(
                JSON.createObjectBuilder()
                        .add("path", JSON.createObjectBuilder().add("type", "string"))
                        .add("message", JSON.createObjectBuilder().add("type", "string")),
                List.of("message", "path"));
    }

    /** An object schema: these properties, these of them required. */
    private static JsonObject object(JsonObjectBuilder properties, List<String> required) {
        return JSON.createObjectBuilder()
                .add("type", "object")
                .add("properties", properties)
                .add("required", OpenApiSchemas.strings(required))
                .build();
    }
}
