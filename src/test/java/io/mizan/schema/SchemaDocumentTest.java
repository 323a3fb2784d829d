package io.mizan.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.codegen.Golden;
import io.mizan.codegen.fixture.FixtureApp;
import io.mizan.model.Model;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class SchemaDocumentTest {

    private static Model model;
    private static String json;
    private static JsonObject document;

    @BeforeAll
    static void write() {
        model = FixtureApp.model();
        json = SchemaDocument.toJson(model);
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            document = reader.readObject();
        }
    }

    private static JsonObject function(String name) {
        return document.getJsonObject("functions").getJsonObject(name);
    }

    private static JsonObject type(String name) {
        return document.getJsonObject("types").getJsonObject(name);
    }

    private static JsonObject param(String function, String name) {
        for (JsonValue p : function(function).getJsonArray("params")) {
            if (p.asJsonObject().getString("name").equals(name)) {
                return p.asJsonObject();
            }
        }
        throw new AssertionError("no parameter " + name + " in " + function);
    }

    @Test
    void matchesTheGoldenFile() {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(out)) {
            writer.writeObject(document);
        }
        Golden.check("schema.json", out.toString().strip() + "\n");
    }

    @Test
    void aFormIsDescribedWithItsSubmitFunctionAndItsRecord() {
        Model withForm = new io.mizan.model.ModelBuilder(io.mizan.Auth.PUBLIC)
                .build(List.of(io.mizan.codegen.forms.MizanForms.class));
        JsonObject described = SchemaDocument.toJsonObject(withForm);
        JsonObject form = described.getJsonObject("forms").getJsonObject("mizan");
        assertEquals("Say it's \"Mizan\"", form.getString("title"));
        assertEquals("mizan.schema", form.getString("schema"));
        assertEquals("mizan.validate", form.getString("validate"));
        assertEquals("mizan.submit", form.getString("submit"));
        JsonObject record = form.getJsonObject("function")
                .getJsonArray("params")
                .getJsonObject(0)
                .getJsonObject("type");
        assertEquals("#/types/FormDefinition", record.getString("$ref"));
        assertTrue(described.getJsonObject("types").containsKey("FormDefinition"));
        assertFalse(described.getJsonObject("functions").containsKey("mizan.submit"), "listed under its form");
    }

    @Test
    void listsEnumConstantsRequiredPropertiesAffectsAndScopedByInOrder() {
        JsonObject fresh = SchemaDocument.toJsonObject(FixtureApp.model());
        JsonObject types = fresh.getJsonObject("types");
        JsonObject contact = types.getJsonObject("ContactForm");

        assertEquals(
                "[\"ADMIN\",\"MEMBER\",\"GUEST\"]",
                types.getJsonObject("Role").getJsonArray("enum").toString());
        assertEquals(
                "[\"age_in_years\",\"email\",\"message\",\"name\",\"newsletter\",\"topic\"]",
                contact.getJsonArray("required").toString());
        assertTrue(contact.getJsonObject("properties").getJsonObject("email").containsKey("constraints"));
        assertFalse(
                contact.getJsonObject("properties").getJsonObject("newsletter").containsKey("constraints"),
                "a property without constraints lists none");
        JsonObject submit =
                fresh.getJsonObject("forms").getJsonObject("contact").getJsonObject("function");
        assertEquals("[\"inbox\"]", submit.getJsonArray("affects").toString());
        assertEquals("{\"inbox\":[]}", submit.getJsonObject("scopedBy").toString());
        assertEquals(
                List.of("constraints", "name", "nullable", "type"),
                List.copyOf(submit.getJsonArray("params").getJsonObject(0).keySet()),
                "the keys of objects in arrays are sorted too");
    }

    @Test
    void sameModelGivesSameText() {
        assertEquals(json, SchemaDocument.toJson(FixtureApp.model()));
        assertFalse(json.contains("\n"), "compact");
    }

    @Test
    void keysAreSortedAtEveryLevel() {
        assertSorted(document, "$");
    }

    private static void assertSorted(JsonValue value, String path) {
        if (value instanceof JsonObject object) {
            List<String> keys = new ArrayList<>(object.keySet());
            List<String> sorted = keys.stream().sorted().toList();
            assertEquals(sorted, keys, path);
            object.forEach((k, v) -> assertSorted(v, path + "." + k));
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                assertSorted(array.get(i), path + "[" + i + "]");
            }
        }
    }

    @Test
    void describesFunctionsWithParamsResultScopeAndAffects() {
        JsonObject updateName = function("updateName");
        assertEquals("none", updateName.getString("scope"));
        assertEquals(
                List.of("currentUser"),
                updateName.getJsonArray("affects").getValuesAs(JsonValue::toString).stream()
                        .map(s -> s.replace("\"", ""))
                        .toList());
        assertEquals(Json.createObjectBuilder().add("$ref", "#/types/UserView").build(), updateName.get("result"));
        JsonObject name = param("updateName", "name");
        assertFalse(name.getBoolean("nullable"));
        assertEquals("string", name.getJsonObject("type").getString("type"));
        assertEquals("[^\\x00-\\x20]", name.getJsonObject("type").getString("pattern"));
        assertEquals(80, name.getJsonObject("type").getInt("maxLength"));
        assertEquals(
                List.of("NotBlank", "Size"),
                name.getJsonArray("constraints").stream()
                        .map(c -> c.asJsonObject().getString("name"))
                        .toList());
        assertEquals(
                0,
                name.getJsonArray("constraints")
                        .getJsonObject(1)
                        .getJsonObject("attributes")
                        .getInt("min"));

        assertEquals("global", function("currentUser").getString("scope"));
        assertEquals(0, function("currentUser").getJsonArray("params").size(), "the Principal is not sent");
        assertEquals("local", function("userProfile").getString("scope"));
        assertTrue(param("userProfile", "lang").getBoolean("nullable"));
        assertEquals(
                List.of("userId"),
                function("setRole").getJsonObject("scopedBy").getJsonArray("userProfile").stream()
                        .map(v -> ((jakarta.json.JsonString) v).getString())
                        .toList());
        assertEquals(JsonValue.ValueType.OBJECT, function("ping").get("result").getValueType());
        assertEquals("null", function("ping").getJsonObject("result").getString("type"));
    }

    @Test
    void typesAreJsonSchemaObjects() {
        JsonObject user = type("UserView");
        assertEquals("object", user.getString("type"));
        assertTrue(user.getJsonObject("properties").containsKey("e-mail"), "the @JsonbProperty name");
        assertEquals(6, user.getJsonArray("required").size());
        assertEquals(
                Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "string"))
                        .add(Json.createObjectBuilder().add("type", "null"))
                        .build(),
                user.getJsonObject("properties").getJsonObject("e-mail").getJsonArray("anyOf"));
        assertTrue(user.getJsonObject("properties").getJsonObject("tags").getBoolean("uniqueItems"));
        assertEquals(
                "date-time",
                user.getJsonObject("properties").getJsonObject("joined").getString("format"));

        assertEquals(
                Json.createObjectBuilder()
                        .add(
                                "enum",
                                Json.createArrayBuilder()
                                        .add("ADMIN")
                                        .add("MEMBER")
                                        .add("GUEST"))
                        .add("type", "string")
                        .build(),
                type("Role"));

        JsonObject page = type("Page");
        assertEquals("T", page.getJsonArray("typeParameters").getString(0));
        assertEquals(
                "T",
                page.getJsonObject("properties")
                        .getJsonObject("items")
                        .getJsonObject("items")
                        .getString("typeParameter"));
        JsonObject search = function("searchUsers").getJsonObject("result");
        assertEquals("#/types/Page", search.getString("$ref"));
        assertEquals(
                "#/types/UserView",
                search.getJsonArray("typeArguments").getJsonObject(0).getString("$ref"));

        JsonObject permissions = type("Profile").getJsonObject("properties").getJsonObject("permissions");
        assertEquals("#/types/Role", permissions.getJsonObject("propertyNames").getString("$ref"));
        assertEquals(
                "integer", permissions.getJsonObject("additionalProperties").getString("type"));
        assertEquals(
                JsonValue.EMPTY_JSON_OBJECT,
                type("Report").getJsonObject("properties").get("extra"));
    }

    @Test
    void constraintsOfPropertiesBecomeJsonSchemaWords() {
        JsonObject signup = type("Signup").getJsonObject("properties");
        assertEquals(18, signup.getJsonObject("age").getInt("minimum"));
        assertEquals(130, signup.getJsonObject("age").getInt("maximum"));
        assertEquals("email", signup.getJsonObject("email").getString("format"));
        assertEquals(1, signup.getJsonObject("interests").getInt("minItems"));
        assertEquals(5, signup.getJsonObject("interests").getInt("maxItems"));
        assertEquals(
                0.01,
                signup.getJsonObject("budget").getJsonNumber("exclusiveMinimum").doubleValue());
        assertFalse(signup.getJsonObject("handle").containsKey("pattern"), "(?i) has no JSON Schema form");
        assertEquals(
                "^(?:[0-9]{5})$",
                type("Address")
                        .getJsonObject("properties")
                        .getJsonObject("postal_code")
                        .getString("pattern"));
        assertEquals(
                2,
                signup.getJsonObject("age").getJsonArray("constraints").size(),
                "a record component's constraint is listed once");
    }

    @Test
    void describesChannelsWithParamsMessageAndPresence() {
        JsonObject chat = document.getJsonObject("channels").getJsonObject("chat");
        assertEquals(
                Json.createObjectBuilder()
                        .add("message", Json.createObjectBuilder().add("$ref", "#/types/ChatMessage"))
                        .add("params", Json.createObjectBuilder().add("$ref", "#/types/Room"))
                        .add("presence", true)
                        .build(),
                chat);
        assertEquals(
                "^(?:[a-z0-9-]+)$",
                type("Room").getJsonObject("properties").getJsonObject("room").getString("pattern"));
        assertEquals(
                500,
                type("ChatMessage")
                        .getJsonObject("properties")
                        .getJsonObject("text")
                        .getInt("maxLength"));
        assertEquals(
                List.of("author", "sent", "text"),
                type("ChatMessage").getJsonArray("required").getValuesAs(jakarta.json.JsonString::getString));
    }

    @Test
    void leavesOutViewPathAndServerOnlyFunctionsAndTheirTypes() {
        assertTrue(model.function("updateProfile").isPresent());
        assertFalse(document.getJsonObject("functions").containsKey("updateProfile"));
        assertFalse(document.getJsonObject("functions").containsKey("syncFromDirectory"));
        assertFalse(document.getJsonObject("types").containsKey("DirectoryEvent"));
    }

    @Test
    void namesNoJavaClass() {
        assertFalse(json.contains("io.mizan"), json);
        assertFalse(json.contains("java."), json);
        assertFalse(json.contains("jakarta."), json);
    }
}
