package io.mizan.openapi;

import io.mizan.model.AccessRule;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The error responses of an operation: those of its endpoint, and the ones every operation may give
 * (401 when it needs a caller, 403, 422 when its arguments are validated, 500), in order of status, each
 * a {@value OpenApiDocument#PROBLEM}.
 */
final class ProblemResponses {

    private static final String PROBLEM_TYPE = "application/problem+json";
    private static final JsonProvider JSON = JsonProvider.provider();

    /** A problem answer of an operation. */
    record Answer(String status, String description) {}

    private ProblemResponses() {}

    static Answer answer(String status, String description) {
        return new Answer(status, description);
    }

    /**
     * Adds the problem answers to the operation's responses.
     *
     * @param own those of the operation's endpoint
     * @param validated whether the operation's arguments go through Bean Validation
     */
    static void add(JsonObjectBuilder responses, AccessRule access, List<Answer> own, boolean validated) {
        List<Answer> all = new ArrayList<>(own);
        if (OperationSecurity.signedIn(access)) {
            all.add(answer("401", "The function needs a signed-in caller and there is none"));
        }
        all.add(answer(
                "403",
                access.kind() == AccessRule.Kind.PUBLIC && access.check() == null
                        ? "The call comes from another origin than the server's and mizan.allowed-origins"
                        : "The caller may not call the function, or the call comes from another origin"));
        if (validated) {
            all.add(answer("422", "The arguments fail Bean Validation: errors names each path"));
        }
        all.add(answer("500", "The server failed; id is the error id its log shows"));
        all.sort(Comparator.comparing(Answer::status));
        for (Answer p : all) {
            responses.add(
                    p.status(),
                    JSON.createObjectBuilder()
                            .add("description", p.description())
                            .add(
                                    "content",
                                    OpenApiSchemas.content(
                                            PROBLEM_TYPE,
                                            JSON.createObjectBuilder()
                                                    .add("$ref", OpenApiSchemas.COMPONENTS + OpenApiDocument.PROBLEM)
                                                    .build())));
        }
    }
}
