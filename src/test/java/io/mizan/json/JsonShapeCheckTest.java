package io.mizan.json;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.MizanException;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import io.mizan.model.TypeRef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The shape check on its own, without JSON-B: a value that fits its type passes, and one that does
 * not is refused with the path of the part that is wrong, inside lists, maps and generic records.
 */
class JsonShapeCheckTest {

    public record Page<T>(List<T> items, int total) {}

    public record Tag(String name) {}

    public static class Pages {
        @Client
        public void tags(Page<Tag> page, Map<String, List<Integer>> counts) {}
    }

    static final Model MODEL = new ModelBuilder(Auth.PUBLIC).build(List.of(Pages.class));
    static final JsonShapeCheck CHECK = new JsonShapeCheck(MODEL);

    static String check(String param, String json) {
        TypeRef type = MODEL.function("tags").orElseThrow().argument(param).type();
        MizanException error = CHECK.error(
                type,
                StrictJson.parseObject(("{\"v\":" + json + "}").getBytes(StandardCharsets.UTF_8))
                        .get("v"),
                param);
        return error == null ? null : error.getMessage();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "page   | {\"items\":[{\"name\":\"a\"}],\"total\":1}",
                "page   | {\"items\":[],\"total\":0}",
                "counts | {\"a\":[1,2],\"b\":[]}",
            })
    void aValueOfItsTypePasses(String param, String json) {
        assertNull(check(param, json));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "page   | {\"items\":[{\"name\":1}],\"total\":1}    | Argument 'page.items[0].name' must be a string",
                "page   | {\"items\":[{}],\"total\":1}              | page.items[0].name",
                "page   | {\"items\":[],\"total\":1.5}              | Argument 'page.total' must be a whole number within 32 bits",
                "counts | {\"a\":[1,\"2\"]}                         | Argument 'counts[a][1]' must be a whole number within 32 bits",
                "counts | {\"a\":null}                              | counts[a]",
            })
    void aWrongPartIsNamedByItsPath(String param, String json, String expected) {
        String message = check(param, json);
        assertTrue(message != null && message.contains(expected), message);
    }
}
