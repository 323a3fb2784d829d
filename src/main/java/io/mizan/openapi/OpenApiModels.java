package io.mizan.openapi;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Extensible;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON of {@link OpenApiDocument} as objects of the MicroProfile OpenAPI model, made by the server's
 * own {@link OASFactory}, so that they join the server's document. It reads what
 * {@link OpenApiDocument} writes, and no more: a path item's {@code get} and {@code post}, and in them
 * the parts of OpenAPI 3.0 that an operation of Mizan uses.
 */
final class OpenApiModels {

    private OpenApiModels() {}

    static PathItem pathItem(JsonObject json) {
        PathItem item = OASFactory.createPathItem();
        if (json.get("get") instanceof JsonObject get) {
            item.setGET(operation(get));
        }
        if (json.get("post") instanceof JsonObject post) {
            item.setPOST(operation(post));
        }
        return item;
    }

    static Operation operation(JsonObject json) {
        Operation operation = OASFactory.createOperation()
                .operationId(json.getString("operationId"))
                .description(json.getString("description", null));
        json.getJsonArray("tags").forEach(t -> operation.addTag(((JsonString) t).getString()));
        if (json.get("parameters") instanceof JsonArray parameters) {
            for (JsonValue p : parameters) {
                JsonObject param = p.asJsonObject();
                operation.addParameter(OASFactory.createParameter()
                        .name(param.getString("name"))
                        .in(Parameter.In.valueOf(param.getString("in").toUpperCase(Locale.ROOT)))
                        .required(param.getBoolean("required"))
                        .schema(schema(param.getJsonObject("schema"))));
            }
        }
        if (json.get("requestBody") instanceof JsonObject body) {
            RequestBody requestBody = OASFactory.createRequestBody()
                    .required(body.getBoolean("required"))
                    .content(content(body.getJsonObject("content")));
            operation.setRequestBody(requestBody);
        }
        APIResponses responses = OASFactory.createAPIResponses();
        json.getJsonObject("responses")
                .forEach((status, r) -> responses.addAPIResponse(status, response(r.asJsonObject())));
        operation.setResponses(responses);
        List<SecurityRequirement> security = new ArrayList<>();
        for (JsonValue s : json.getJsonArray("security")) {
            SecurityRequirement requirement = OASFactory.createSecurityRequirement();
            s.asJsonObject().keySet().forEach(requirement::addScheme);
            security.add(requirement);
        }
        operation.setSecurity(security);
        extensions(operation, json);
        return operation;
    }

    private static APIResponse response(JsonObject json) {
        APIResponse response = OASFactory.createAPIResponse().description(json.getString("description"));
        if (json.get("headers") instanceof JsonObject headers) {
            headers.forEach((name, h) -> {
                JsonObject header = h.asJsonObject();
                Header model = OASFactory.createHeader()
                        .description(header.getString("description", null))
                        .schema(schema(header.getJsonObject("schema")));
                response.addHeader(name, model);
            });
        }
        if (json.get("content") instanceof JsonObject content) {
            response.setContent(content(content));
        }
        return response;
    }

    private static Content content(JsonObject json) {
        Content content = OASFactory.createContent();
        json.forEach((type, m) -> {
            MediaType media =
                    OASFactory.createMediaType().schema(schema(m.asJsonObject().getJsonObject("schema")));
            content.addMediaType(type, media);
        });
        return content;
    }

    static SecurityScheme securityScheme(JsonObject json) {
        return OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.valueOf(json.getString("type").toUpperCase(Locale.ROOT)))
                .in(SecurityScheme.In.valueOf(json.getString("in").toUpperCase(Locale.ROOT)))
                .name(json.getString("name"))
                .description(json.getString("description", null));
    }

    /**
     * The server's MicroProfile OpenAPI models OpenAPI 3.1 (version 4 and later, WildFly 38's 4.1): a
     * schema's type is a list, null is a type of its own rather than {@code nullable}, and an exclusive
     * bound is a number rather than a flag on {@code minimum}. Mizan is compiled against version 3
     * (Payara Micro 6's), so the methods that changed are looked up once and called reflectively there.
     */
    private static final Method ADD_TYPE = method("addType", Schema.SchemaType.class);

    private static final Method EXCLUSIVE_MINIMUM = method("setExclusiveMinimum", BigDecimal.class);
    private static final Method EXCLUSIVE_MAXIMUM = method("setExclusiveMaximum", BigDecimal.class);

    private static Method method(String name, Class<?> parameter) {
        try {
            return Schema.class.getMethod(name, parameter);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static void call(Method method, Schema schema, Object value) {
        try {
            method.invoke(schema, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(method + " of the server's OpenAPI models failed", e);
        }
    }

    /** An OpenAPI 3.0 schema object, as {@link OpenApiSchemas} and {@link OpenApiDocument} write them. */
    static Schema schema(JsonObject json) {
        Schema schema = OASFactory.createSchema();
        boolean openApi31 = ADD_TYPE != null;
        for (Map.Entry<String, JsonValue> e : json.entrySet()) {
            JsonValue v = e.getValue();
            switch (e.getKey()) {
                case "$ref" -> schema.setRef(((JsonString) v).getString());
                case "type" -> {
                    Schema.SchemaType type = Schema.SchemaType.valueOf(
                            ((JsonString) v).getString().toUpperCase(Locale.ROOT));
                    if (openApi31) {
                        call(ADD_TYPE, schema, type);
                    } else {
                        schema.setType(type);
                    }
                }
                case "format" -> schema.setFormat(((JsonString) v).getString());
                case "pattern" -> schema.setPattern(((JsonString) v).getString());
                case "description" -> schema.setDescription(((JsonString) v).getString());
                case "nullable" -> {
                    if (!openApi31) {
                        schema.setNullable(v == JsonValue.TRUE);
                    }
                }
                case "uniqueItems" -> schema.setUniqueItems(v == JsonValue.TRUE);
                case "exclusiveMinimum" -> {
                    if (!openApi31) {
                        schema.setExclusiveMinimum(v == JsonValue.TRUE);
                    }
                }
                case "exclusiveMaximum" -> {
                    if (!openApi31) {
                        schema.setExclusiveMaximum(v == JsonValue.TRUE);
                    }
                }
                case "minimum" -> schema.setMinimum(((JsonNumber) v).bigDecimalValue());
                case "maximum" -> schema.setMaximum(((JsonNumber) v).bigDecimalValue());
                case "minLength" -> schema.setMinLength(((JsonNumber) v).intValue());
                case "maxLength" -> schema.setMaxLength(((JsonNumber) v).intValue());
                case "minItems" -> schema.setMinItems(((JsonNumber) v).intValue());
                case "maxItems" -> schema.setMaxItems(((JsonNumber) v).intValue());
                case "minProperties" -> schema.setMinProperties(((JsonNumber) v).intValue());
                case "maxProperties" -> schema.setMaxProperties(((JsonNumber) v).intValue());
                case "required" -> v.asJsonArray().forEach(r -> schema.addRequired(((JsonString) r).getString()));
                case "enum" -> v.asJsonArray().forEach(c -> schema.addEnumeration(plain(c)));
                case "items" -> schema.setItems(schema(v.asJsonObject()));
                case "allOf" -> v.asJsonArray().forEach(s -> schema.addAllOf(schema(s.asJsonObject())));
                case "properties" -> v.asJsonObject()
                        .forEach((name, property) -> schema.addProperty(name, schema(property.asJsonObject())));
                case "additionalProperties" -> {
                    if (v instanceof JsonObject o) {
                        schema.setAdditionalPropertiesSchema(schema(o));
                    } else {
                        schema.setAdditionalPropertiesBoolean(v == JsonValue.TRUE);
                    }
                }
                default -> {
                    if (e.getKey().startsWith("x-")) {
                        schema.addExtension(e.getKey(), plain(v));
                    }
                }
            }
        }
        if (openApi31) {
            toOpenApi31(schema, json);
        }
        return schema;
    }

    /** What OpenAPI 3.1 says otherwise than 3.0: a null type, and exclusive bounds as numbers. */
    private static void toOpenApi31(Schema schema, JsonObject json) {
        if (json.getBoolean("nullable", false) && json.containsKey("type")) {
            call(ADD_TYPE, schema, Schema.SchemaType.valueOf("NULL"));
        }
        if (json.getBoolean("exclusiveMinimum", false) && schema.getMinimum() != null) {
            call(EXCLUSIVE_MINIMUM, schema, schema.getMinimum());
            schema.setMinimum(null);
        }
        if (json.getBoolean("exclusiveMaximum", false) && schema.getMaximum() != null) {
            call(EXCLUSIVE_MAXIMUM, schema, schema.getMaximum());
            schema.setMaximum(null);
        }
    }

    private static void extensions(Extensible<?> target, JsonObject json) {
        json.forEach((key, value) -> {
            if (key.startsWith("x-")) {
                target.addExtension(key, plain(value));
            }
        });
    }

    /** A JSON value as plain Java: maps, lists, strings, numbers, booleans and null. */
    static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((k, v) -> map.put(k, plain(v)));
                yield map;
            }
            case ARRAY -> value.asJsonArray().stream().map(OpenApiModels::plain).toList();
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).isIntegral()
                    ? (Object) ((JsonNumber) value).longValue()
                    : ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }
}
