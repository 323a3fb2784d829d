package io.mizan.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mizan.codegen.fixture.Catalog;
import io.mizan.codegen.fixture.FixtureApp;
import io.mizan.codegen.fixture.Users;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.model.ParamModel;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The generated Zod schemas, run in Node, give the same messages as Hibernate Validator gives the
 * server for the same arguments: each case is bound with JSON-B and validated as the server does,
 * then parsed by the function's schema.
 */
class ZodMatchesBeanValidationTest {

    private static final String SIGNUP =
            """
            {"name": "Al", "email": "al@example.com", "age": 30,
             "address": {"street": "Main St 1", "postal_code": "12345", "country": "DE"}, "billing": null,
             "interests": ["chess"], "terms": true, "birthday": "1990-05-01", "budget": 100.5,
             "scores": {"chess": 3}, "referrer": null, "handle": "al_1", "role": "MEMBER"}""";

    /** A function, its arguments as JSON, and what the case shows. */
    private record Case(String function, String args, String what) {}

    private static final List<Case> CASES = List.of(
            new Case("updateName", "{\"userId\": 1, \"name\": \"Al\"}", "valid"),
            new Case("updateName", "{\"userId\": 1, \"name\": \"   \"}", "blank"),
            new Case("updateName", "{\"userId\": 1, \"name\": \"" + "x".repeat(81) + "\"}", "too long"),
            new Case("greet", "{\"name\": \"\"}", "blank context param"),
            new Case("searchUsers", "{\"query\": null, \"page\": 0, \"quota\": {\"ADMIN\": 2}}", "below @Min"),
            new Case("searchUsers", "{\"page\": 3, \"quota\": {}}", "nullable left out"),
            new Case("signup", "{\"form\": " + SIGNUP + "}", "valid form"),
            new Case("signup", "{\"form\": " + SIGNUP.replace("\"Al\"", "\"\"") + "}", "blank name"),
            new Case("signup", "{\"form\": " + SIGNUP.replace("al@example.com", "not-an-email") + "}", "email"),
            new Case("signup", "{\"form\": " + SIGNUP.replace("30", "17") + "}", "under age"),
            new Case("signup", "{\"form\": " + SIGNUP.replace("Main St 1", " ") + "}", "nested blank"),
            new Case("signup", "{\"form\": " + SIGNUP.replace("12345", "1234") + "}", "nested pattern"),
            new Case("signup", "{\"form\": " + SIGNUP.replace("\"DE\"", "\"D\"") + "}", "nested size"),
            new Case(
                    "signup",
                    "{\"form\": "
                            + SIGNUP.replace(
                                    "\"billing\": null",
                                    "\"billing\": {\"street\": \"\"," + " \"postal_code\": \"x\", \"country\": \"DE\"}")
                            + "}",
                    "nullable nested object"),
            new Case("signup", "{\"form\": " + SIGNUP.replace("[\"chess\"]", "[]") + "}", "empty list"),
            new Case(
                    "signup",
                    "{\"form\": " + SIGNUP.replace("[\"chess\"]", "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]") + "}",
                    "list too long"),
            new Case("signup", "{\"form\": " + SIGNUP.replace("\"terms\": true", "\"terms\": false") + "}", "terms"),
            new Case("signup", "{\"form\": " + SIGNUP.replace("1990-05-01", "2999-01-01") + "}", "future birthday"),
            new Case("signup", "{\"form\": " + SIGNUP.replace("100.5", "0") + "}", "exclusive minimum"),
            new Case("signup", "{\"form\": " + SIGNUP.replace("100.5", "1234567.125") + "}", "digits"),
            new Case("signup", "{\"form\": " + SIGNUP.replace("100.5", "0.015") + "}", "fraction digits"),
            new Case("signup", "{\"form\": " + SIGNUP.replace("al_1", "AL_1") + "}", "case-insensitive pattern"),
            new Case(
                    "countBetween",
                    "{\"range\": {\"from\": \"2024-01-01\", \"to\": \"2024-02-01\"}," + " \"until\": \"2000-01-01\"}",
                    "past date for @FutureOrPresent"),
            new Case(
                    "countBetween",
                    "{\"range\": {\"from\": \"2024-01-01\", \"to\": \"2024-02-01\"}," + " \"until\": \"2999-01-01\"}",
                    "future date"),
            new Case(
                    "saveCategory",
                    "{\"category\": {\"name\": \" \", \"children\": [{\"name\": \"\","
                            + " \"children\": [], \"folder\": {\"title\": \"t\", \"documents\": []}}],"
                            + " \"folder\": {\"title\": \"t\", \"documents\": [{\"title\": \"d\", \"parent\": null}]}}}",
                    "recursive type"));

    @Test
    void zodGivesTheServersMessages(@TempDir Path dir) throws Exception {
        NodeTools.requireInstalled();
        Model model = FixtureApp.model();
        NodeTools.write(dir, new TypeScriptGenerator().generate(model));
        Files.writeString(
                dir.resolve("tsconfig.json"),
                """
                {
                  "compilerOptions": {
                    "target": "ES2020",
                    "module": "commonjs",
                    "moduleResolution": "node10",
                    "strict": true,
                    "skipLibCheck": true,
                    "outDir": "out",
                    "rootDir": ".",
                    "paths": { "*": ["%s/*"] },
                    "types": []
                  },
                  "files": ["schemas.ts"]
                }
                """
                        .formatted(NodeTools.modules()),
                StandardCharsets.UTF_8);
        NodeTools.Result tsc = NodeTools.tsc(dir, "--pretty", "false");
        assertEquals(0, tsc.code(), tsc.output());

        List<List<String>> server = new ArrayList<>();
        StringBuilder script = new StringBuilder("const schemas = require('./out/schemas.js');\nconst cases = [\n");
        try (Jsonb jsonb = JsonbBuilder.create();
                ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
            for (Case c : CASES) {
                FunctionModel f = model.function(c.function()).orElseThrow();
                server.add(serverMessages(jsonb, validation, f, c.args()));
                String schema = f.name() + (f.isContext() ? "Params" : "Args");
                script.append("  [schemas.")
                        .append(schema)
                        .append(", ")
                        .append(c.args())
                        .append("],\n");
            }
        }
        script.append("];\nconsole.log(JSON.stringify(cases.map(([schema, value]) => {\n")
                .append("  const parsed = schema.safeParse(value);\n")
                .append("  return parsed.success ? [] : parsed.error.issues.map((i) => i.message).sort();\n")
                .append("})));\n");
        NodeTools.Result node = NodeTools.node(dir, script.toString());
        assertEquals(0, node.code(), node.output());
        JsonArray client;
        try (JsonReader reader = Json.createReader(new StringReader(node.output()))) {
            client = reader.readArray();
        }
        for (int i = 0; i < CASES.size(); i++) {
            List<String> zod = client.getJsonArray(i).getValuesAs(JsonString::getString);
            assertEquals(
                    server.get(i),
                    zod,
                    CASES.get(i).function() + ": " + CASES.get(i).what());
        }
    }

    /** The messages the server's validation gives: arguments bound by JSON-B, checked by Bean Validation. */
    private static List<String> serverMessages(Jsonb jsonb, ValidatorFactory validation, FunctionModel f, String json) {
        JsonObject args;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            args = reader.readObject();
        }
        Object[] values = new Object[f.params().size()];
        for (ParamModel p : f.params()) {
            JsonValue value = args.get(p.name());
            values[p.index()] = value == null || value == JsonValue.NULL
                    ? (p.type() == null ? null : jsonb.fromJson("null", p.javaType()))
                    : jsonb.fromJson(value.toString(), p.javaType());
            if (values[p.index()] == null && p.javaType() instanceof Class<?> c && c.isPrimitive()) {
                values[p.index()] = jsonb.fromJson("0", c);
            }
        }
        Object bean = f.beanClass() == Users.class ? new Users() : new Catalog();
        Set<ConstraintViolation<Object>> violations =
                validation.getValidator().forExecutables().validateParameters(bean, f.method(), values);
        return violations.stream().map(ConstraintViolation::getMessage).sorted().toList();
    }
}
