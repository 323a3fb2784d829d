package io.mizan.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The provider JSON-B writes results with: every generator it makes, directly or from a factory,
 * checks what is written while a result is being encoded on this thread, and only then; everything
 * else is the server's provider as it is, since a JSON-B implementation may use any of it.
 */
class CheckingJsonProviderTest {

    public record Item(String title) {}

    public static class Items {
        @Client
        public Item item() {
            return null;
        }
    }

    static final Model MODEL = new ModelBuilder(Auth.PUBLIC).build(List.of(Items.class));
    final CheckingJsonProvider provider = new CheckingJsonProvider(JsonProvider.provider());

    /** Writes {"title":null} through a generator; returns the violation's path, or null. */
    static String violation(Function<ByteArrayOutputStream, JsonGenerator> generators) throws Exception {
        NullCheck check =
                new NullCheck(MODEL, MODEL.function("item").orElseThrow().result(), "item.result");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AutoCloseable scope = CheckingJsonProvider.checking(check)) {
            JsonGenerator g = generators.apply(out);
            g.writeStartObject().writeKey("title").writeNull().writeEnd().close();
        }
        assertEquals("{\"title\":null}", out.toString(StandardCharsets.UTF_8));
        return check.violation();
    }

    @Test
    void everyGeneratorChecksWhileAResultIsEncoded() throws Exception {
        Map<String, ?> config = Map.of();
        JsonGeneratorFactory factory = provider.createGeneratorFactory(config);
        assertEquals("item.result.title", violation(out -> provider.createGenerator(out)));
        assertEquals(
                "item.result.title",
                violation(
                        out -> provider.createGenerator(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8))));
        assertEquals("item.result.title", violation(factory::createGenerator));
        assertEquals("item.result.title", violation(out -> factory.createGenerator(out, StandardCharsets.UTF_8)));
        assertEquals(
                "item.result.title",
                violation(out -> factory.createGenerator(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8))));
        assertEquals(Json.createGeneratorFactory(config).getConfigInUse(), factory.getConfigInUse());
    }

    @Test
    void outsideAnEncodingAGeneratorWritesWithoutChecking() {
        StringWriter text = new StringWriter();
        JsonGenerator g = provider.createGeneratorFactory(Map.of()).createGenerator(text);
        g.writeStartObject().writeKey("title").writeNull().writeEnd().close();
        assertEquals("{\"title\":null}", text.toString());
    }

    @Test
    void readingAndBuildingAreTheServersProvider() {
        String doc = "{\"a\":[1,2],\"b\":\"x\"}";
        JsonObject read = provider.createReader(new StringReader(doc)).readObject();
        assertEquals(
                read,
                provider.createReader(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)))
                        .readObject());
        assertEquals(
                read,
                provider.createReaderFactory(Map.of())
                        .createReader(new StringReader(doc))
                        .readObject());
        try (var parser = provider.createParser(new StringReader(doc))) {
            parser.next();
            assertEquals(read, parser.getObject());
        }
        try (var parser = provider.createParser(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)))) {
            parser.next();
            assertEquals(read, parser.getObject());
        }
        try (var parser = provider.createParserFactory(Map.of()).createParser(new StringReader(doc))) {
            parser.next();
            assertEquals(read, parser.getObject());
        }

        StringWriter written = new StringWriter();
        provider.createWriter(written).write(read);
        assertEquals(doc, written.toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        provider.createWriter(bytes).write(read);
        assertEquals(doc, bytes.toString(StandardCharsets.UTF_8));
        StringWriter fromFactory = new StringWriter();
        provider.createWriterFactory(Map.of()).createWriter(fromFactory).write(read);
        assertEquals(doc, fromFactory.toString());

        JsonArray numbers = provider.createArrayBuilder().add(1).add(2).build();
        assertEquals(
                read,
                provider.createObjectBuilder().add("a", numbers).add("b", "x").build());
        assertEquals(read, provider.createObjectBuilder(read).build());
        assertEquals(
                read,
                provider.createObjectBuilder(Map.of("a", List.of(1, 2), "b", "x"))
                        .build());
        assertEquals(numbers, provider.createArrayBuilder(numbers).build());
        assertEquals(numbers, provider.createArrayBuilder(List.of(1, 2)).build());
        assertEquals(
                read,
                provider.createBuilderFactory(Map.of())
                        .createObjectBuilder(read)
                        .build());

        assertEquals("\"x\"", provider.createValue("x").toString());
        assertEquals(new BigDecimal("1"), provider.createValue(1).bigDecimalValue());
        assertEquals(new BigDecimal("2"), provider.createValue(2L).bigDecimalValue());
        assertEquals(0.5, provider.createValue(0.5).doubleValue());
        assertEquals(
                new BigDecimal("1.5"),
                provider.createValue(new BigDecimal("1.5")).bigDecimalValue());
        assertEquals(BigInteger.TEN, provider.createValue(BigInteger.TEN).bigIntegerValue());
        assertEquals(3, provider.createValue((Number) 3).intValue());
    }

    @Test
    void pointersAndPatchesAreTheServersProvider() {
        JsonObject source = Json.createObjectBuilder().add("a", 1).build();
        JsonObject target = Json.createObjectBuilder().add("a", 2).build();
        assertEquals(
                JsonValue.TRUE,
                provider.createPointer("/b").add(source, JsonValue.TRUE).get("b"));

        JsonArray ops = provider.createDiff(source, target).toJsonArray();
        assertEquals(target, provider.createPatch(ops).apply(source));
        assertEquals(target, provider.createPatchBuilder(ops).build().apply(source));
        assertEquals(
                target, provider.createPatchBuilder().replace("/a", 2).build().apply(source));
        assertEquals(target, provider.createMergePatch(target).apply(source));
        assertEquals(target, provider.createMergeDiff(source, target).apply(source));
    }
}
