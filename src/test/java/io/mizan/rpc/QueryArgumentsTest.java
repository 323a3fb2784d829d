package io.mizan.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.MizanException;
import io.mizan.Scope;
import io.mizan.model.FunctionModel;
import io.mizan.model.ModelBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A context read's query ({@code GET <base>/ctx/posts?board=general&page=2}) becomes the JSON object a
 * call would have sent: numbers and booleans typed by the context's parameters, everything else a
 * string. Text that cannot be a parameter's type is a 400 that names the parameter.
 */
class QueryArgumentsTest {

    public enum Order {
        NEWEST,
        OLDEST
    }

    public static class Forum {
        @Client(context = Scope.LOCAL)
        public List<String> posts(
                String board,
                int page,
                long after,
                double minScore,
                boolean archived,
                Optional<Integer> limit,
                Optional<Boolean> pinned,
                LocalDate since,
                Order order,
                Principal me) {
            return List.of();
        }
    }

    static final FunctionModel POSTS = new ModelBuilder(Auth.PUBLIC)
            .build(List.of(Forum.class))
            .function("posts")
            .orElseThrow();

    /** A query written {@code name=value&name=value}; {@code name} alone has no value. */
    static Map<String, List<String>> query(String spec) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String pair : spec.split("&")) {
            String[] kv = pair.split("=", 2);
            List<String> values = query.computeIfAbsent(kv[0], k -> new ArrayList<>());
            if (kv.length > 1) {
                values.add(kv[1]);
            }
        }
        return query;
    }

    @ParameterizedTest(name = "?{0} -> {1}")
    @CsvSource(
            delimiter = '#',
            value = {
                "board=general#               {\"board\":\"general\"}",
                "board=007#                   {\"board\":\"007\"}",
                "board=true#                  {\"board\":\"true\"}",
                "board#                       {\"board\":\"\"}",
                "page=2#                      {\"page\":2}",
                "page=-3#                     {\"page\":-3}",
                "page=1.5#                    {\"page\":1.5}",
                "after=9007199254740993#      {\"after\":9007199254740993}",
                "minScore=0.25#               {\"minScore\":0.25}",
                "minScore=1e3#                {\"minScore\":1E+3}",
                "archived=true#               {\"archived\":true}",
                "archived=false#              {\"archived\":false}",
                "limit=10#                    {\"limit\":10}",
                "pinned=true#                 {\"pinned\":true}",
                "since=2024-02-29#            {\"since\":\"2024-02-29\"}",
                "order=NEWEST#                {\"order\":\"NEWEST\"}",
                // not a parameter (or one the server supplies): a string, which binding then refuses as unknown
                "me=ada#                      {\"me\":\"ada\"}",
                "page2=3#                     {\"page2\":\"3\"}",
                "board=a&page=1&archived=true#{\"board\":\"a\",\"page\":1,\"archived\":true}"
            })
    void typesEachValueByItsParameter(String query, String json) {
        assertEquals(json, QueryArguments.of(POSTS, query(query)).toString());
    }

    @ParameterizedTest(name = "?{0} is a 400 naming {1}")
    @CsvSource(
            delimiter = '#',
            value = {
                "page=two#                page",
                "page=#                   page",
                "page#                    page",
                "page= 2#                 page",
                "page=0x10#               page",
                "page=NaN#                page",
                "page=1e999#              page",
                "minScore=Infinity#       minScore",
                "limit=ten#               limit",
                "archived=TRUE#           archived",
                "archived=1#              archived",
                "archived=yes#            archived",
                "archived=#               archived",
                "pinned=no#               pinned",
                "board=a&board=b#         board",
                "board=a&page=1&page=2#   page"
            })
    void textThatCannotBeTheParametersTypeIsRefused(String query, String parameter) {
        MizanException e = assertThrows(MizanException.class, () -> QueryArguments.of(POSTS, query(query)));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("'" + parameter + "'"), e.getMessage());
    }

    @Test
    void aLongRepeatedNameIsShortenedInTheMessage() {
        String name = "x".repeat(500);
        MizanException e =
                assertThrows(MizanException.class, () -> QueryArguments.of(POSTS, Map.of(name, List.of("1", "2"))));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().length() < 200, e.getMessage());
    }

    @Test
    void anEmptyQueryIsAnEmptyObject() {
        assertEquals("{}", QueryArguments.of(POSTS, Map.of()).toString());
        assertEquals(
                "{\"board\":\"\"}",
                QueryArguments.of(POSTS, Map.of("board", List.<String>of())).toString());
    }
}
