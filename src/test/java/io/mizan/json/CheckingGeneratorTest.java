package io.mizan.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The check sees every way a JSON-B implementation may write a value: a named write inside an
 * object ({@code write("title", null)}) or a key then a value, for each value type. Yasson uses
 * only some of them; another implementation on another server may use the rest.
 */
class CheckingGeneratorTest {

    public record Row(
            String text,
            BigDecimal price,
            BigInteger huge,
            JsonValue extra,
            int count,
            long big,
            double ratio,
            boolean flag,
            Optional<String> note,
            List<String> tags) {}

    public static class Rows {
        @Client
        public Row row() {
            return null;
        }
    }

    static final Model MODEL = new ModelBuilder(Auth.PUBLIC).build(List.of(Rows.class));

    /** Writes one object through a checking generator; returns the JSON, or the violation's path. */
    static String write(Consumer<JsonGenerator> members) {
        NullCheck check =
                new NullCheck(MODEL, MODEL.function("row").orElseThrow().result(), "row.result");
        StringWriter text = new StringWriter();
        JsonGenerator out = new CheckingGenerator(Json.createGenerator(text), check);
        assertSame(out, out.writeStartObject());
        members.accept(out);
        assertSame(out, out.writeEnd());
        out.flush();
        out.close();
        return check.violation() != null ? check.violation() : text.toString();
    }

    /** Every property but {@code skip}, each with its own named write. */
    static void named(JsonGenerator g, String skip) {
        if (!skip.equals("text")) assertSame(g, g.write("text", "t"));
        if (!skip.equals("price")) assertSame(g, g.write("price", new BigDecimal("1.5")));
        if (!skip.equals("huge")) assertSame(g, g.write("huge", BigInteger.TEN));
        if (!skip.equals("extra")) assertSame(g, g.write("extra", JsonValue.TRUE));
        if (!skip.equals("count")) assertSame(g, g.write("count", 1));
        if (!skip.equals("big")) assertSame(g, g.write("big", 2L));
        if (!skip.equals("ratio")) assertSame(g, g.write("ratio", 0.5));
        if (!skip.equals("flag")) assertSame(g, g.write("flag", true));
        if (!skip.equals("note")) assertSame(g, g.writeNull("note"));
        if (!skip.equals("tags")) {
            assertSame(g, g.writeStartArray("tags"));
            assertSame(g, g.write("a"));
            assertSame(g, g.writeEnd());
        }
    }

    /** The same, as a key then a value. */
    static void keyed(JsonGenerator g, String skip) {
        if (!skip.equals("text")) assertSame(g, g.writeKey("text").write("t"));
        if (!skip.equals("price")) assertSame(g, g.writeKey("price").write(new BigDecimal("1.5")));
        if (!skip.equals("huge")) assertSame(g, g.writeKey("huge").write(BigInteger.TEN));
        if (!skip.equals("extra")) assertSame(g, g.writeKey("extra").write(JsonValue.TRUE));
        if (!skip.equals("count")) assertSame(g, g.writeKey("count").write(1));
        if (!skip.equals("big")) assertSame(g, g.writeKey("big").write(2L));
        if (!skip.equals("ratio")) assertSame(g, g.writeKey("ratio").write(0.5));
        if (!skip.equals("flag")) assertSame(g, g.writeKey("flag").write(true));
        if (!skip.equals("note")) assertSame(g, g.writeKey("note").writeNull());
        if (!skip.equals("tags")) {
            assertSame(g, g.writeKey("tags").writeStartArray());
            assertSame(g, g.write("a"));
            assertSame(g, g.writeEnd());
        }
    }

    static final String SOUND = "{\"text\":\"t\",\"price\":1.5,\"huge\":10,\"extra\":true,\"count\":1,\"big\":2,"
            + "\"ratio\":0.5,\"flag\":true,\"note\":null,\"tags\":[\"a\"]}";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"named", "keyed"})
    void aSoundObjectIsWrittenUnchanged(String style) {
        assertEquals(SOUND, write(g -> {
            if (style.equals("named")) named(g, "");
            else keyed(g, "");
        }));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(
            delimiter = '#',
            value = {
                // style# the null written#       what the check says (JSON-B writes a null with writeNull; a
                //                                 Java null handed to write(...) is refused by the generator)
                "named#   extra (JSON null)#      {\"extra\":null}",
                "named#   writeNull(text)#        row.result.text",
                "named#   tags[0]#                row.result.tags[0]",
                "keyed#   extra (JSON null)#      {\"extra\":null}",
                "keyed#   writeNull(text)#        row.result.text",
                "keyed#   tags[0]#                row.result.tags[0]"
            })
    void aNullIsSeenWhicheverWayItIsWritten(String style, String what, String expected) {
        String property = what.startsWith("writeNull") ? "text" : what.startsWith("tags") ? "tags" : what.split(" ")[0];
        String result = write(g -> {
            if (style.equals("named")) named(g, property);
            else keyed(g, property);
            boolean named = style.equals("named");
            switch (what) {
                case "extra (JSON null)" -> {
                    if (named) g.write("extra", JsonValue.NULL);
                    else g.writeKey("extra").write(JsonValue.NULL);
                }
                case "writeNull(text)" -> {
                    if (named) g.writeNull("text");
                    else g.writeKey("text").writeNull();
                }
                case "tags[0]" -> {
                    if (named) g.writeStartArray("tags");
                    else g.writeKey("tags").writeStartArray();
                    g.write(JsonValue.NULL);
                    g.writeEnd();
                }
                default -> throw new IllegalArgumentException(what);
            }
        });
        // free-form JSON may be null: the object is written, the extra member last
        assertEquals(
                expected.startsWith("{")
                        ? SOUND.replace(",\"extra\":true", "").replace("}", "") + ",\"extra\":null}"
                        : expected,
                result);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"named", "keyed"})
    void anObjectInsideIsCheckedByItsOwnType(String style) {
        // a member the model does not know is not checked, nor is anything inside it
        String json = write(g -> {
            named(g, "");
            if (style.equals("named")) g.writeStartObject("unknown");
            else g.writeKey("unknown").writeStartObject();
            g.writeNull("anything");
            g.writeEnd();
        });
        assertEquals(SOUND.replace("}", "") + ",\"unknown\":{\"anything\":null}}", json);
    }
}
