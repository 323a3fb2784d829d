package io.mizan.openapi;

import io.mizan.model.AccessRule;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.util.List;
import java.util.TreeSet;

/**
 * Who may call an operation, as the document says it: its {@code security} (the application's schemes,
 * any of which will do, or {@value OpenApiDocument#SCHEME}), a sentence for its description, and
 * {@code x-mizan-access}, since OpenAPI 3.0 has no place for role names outside OAuth2 scopes.
 *
 * <pre>{@code
 * @RolesAllowed("admin") -> "security": [{"mizan": []}],
 *                           "x-mizan-access": {"rule": "roles", "roles": ["admin"], "check": false}
 * }</pre>
 */
final class OperationSecurity {

    private static final JsonProvider JSON = JsonProvider.provider();

    private final List<String> schemes;
    private boolean needsScheme;

    /** @param schemes the security schemes the document declares already */
    OperationSecurity(List<String> schemes) {
        this.schemes = schemes;
    }

    /** The operation's {@code security}: empty for a public one. */
    JsonArrayBuilder requirements(AccessRule access) {
        JsonArrayBuilder security = JSON.createArrayBuilder();
        if (signedIn(access)) {
            needsScheme = true;
            for (String scheme : schemes.isEmpty() ? List.of(OpenApiDocument.SCHEME) : schemes) {
                security.add(JSON.createObjectBuilder().add(scheme, JsonValue.EMPTY_JSON_ARRAY));
            }
        }
        return security;
    }

    /** Whether an operation so far named {@value OpenApiDocument#SCHEME}, which Mizan must then declare. */
    boolean needsOwnScheme() {
        return needsScheme && schemes.isEmpty();
    }

    /** {@value OpenApiDocument#SCHEME}: the session cookie, which is what a browser calling Mizan sends. */
    static JsonObjectBuilder ownScheme(String sessionCookie) {
        return JSON.createObjectBuilder()
                .add("type", "apiKey")
                .add("in", "cookie")
                .add("name", sessionCookie)
                .add(
                        "description",
                        "The session of a caller the application has signed in"
                                + " (Jakarta Security): Mizan's functions know the"
                                + " caller the container knows.");
    }

    /** {@code x-mizan-access}: the rule, its roles, and whether an access check of the application decides too. */
    static JsonObjectBuilder extension(AccessRule access) {
        return JSON.createObjectBuilder()
                .add("rule", rule(access.kind()))
                .add("roles", OpenApiSchemas.strings(new TreeSet<>(access.roles())))
                .add("check", access.check() != null);
    }

    private static String rule(AccessRule.Kind kind) {
        return switch (kind) {
            case PUBLIC -> "public";
            case AUTHENTICATED -> "authenticated";
            case ROLES -> "roles";
            case DENY_ALL -> "denyAll";
        };
    }

    static boolean signedIn(AccessRule access) {
        return access.kind() != AccessRule.Kind.PUBLIC;
    }

    /** The rule in a sentence, for the operation's description. */
    static String describe(AccessRule access) {
        String rule =
                switch (access.kind()) {
                    case PUBLIC -> "Anyone may call it.";
                    case AUTHENTICATED -> "Needs a signed-in caller.";
                    case ROLES -> "Needs a signed-in caller in one of the roles: "
                            + String.join(", ", new TreeSet<>(access.roles())) + ".";
                    case DENY_ALL -> "Refused to every caller (@DenyAll).";
                };
        return access.check() == null ? rule : rule + " An access check of the application decides as well.";
    }
}
