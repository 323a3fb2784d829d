package io.mizan.invalidation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.Scope;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import jakarta.annotation.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.security.Principal;
import java.util.List;
import java.util.Optional;

/**
 * The keys a successful call publishes: one per affected context, scoped to the values of the
 * parameters it shares by name with that context, or the whole context when it shares none or one of
 * those values is missing (a narrower key would leave stale entries behind).
 */
class AffectedKeysTest {

    public enum Sort {
        NEW,
        TOP
    }

    public static class Boards {
        @Client(context = Scope.GLOBAL)
        public List<String> boards() {
            return List.of();
        }

        @Client(context = Scope.LOCAL)
        public List<String> posts(String board, Sort sort) {
            return List.of();
        }

        @Client(context = Scope.LOCAL)
        public String post(String board, long postId) {
            return "";
        }

        @Client(context = Scope.LOCAL)
        public String profile(String user) {
            return "";
        }

        @Client
        public void read(String board) {}

        @Client(affects = {"posts", "boards", "post"})
        public void write(String board, String text) {}

        @Client(affects = "post")
        public void edit(long postId, String board, String text) {}

        @Client(affects = {"post", "posts"})
        public void move(Optional<String> board, long postId, @Nullable Sort sort) {}

        @Client(affects = "profile")
        public void rename(Principal me, String name) {}
    }

    static final Model MODEL = new ModelBuilder(Auth.PUBLIC).build(List.of(Boards.class));

    static Object[] arguments(String call) {
        return switch (call) {
            case "read(general)" -> new Object[] {"general"};
            case "write(general)" -> new Object[] {"general", "hi"};
            case "write(a b/é)" -> new Object[] {"a b/é", "hi"};
            case "edit(7, general)" -> new Object[] {7L, "general", "hi"};
            case "move(general, 7, TOP)" -> new Object[] {Optional.of("general"), 7L, Sort.TOP};
            case "move(empty, 7, TOP)" -> new Object[] {Optional.empty(), 7L, Sort.TOP};
            case "move(general, 7, null)" -> new Object[] {Optional.of("general"), 7L, null};
            case "rename(ada)" -> new Object[] {(Principal) () -> "ada", "Ada"};
            default -> throw new IllegalArgumentException(call);
        };
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '#',
            value = {
                // call#                   keys, in the order of the sorted affects, '|' between
                "read(general)#            ''",
                "write(general)#           boards|post;board=general|posts;board=general",
                "write(a b/é)#             boards|post;board=a%20b%2F%C3%A9|posts;board=a%20b%2F%C3%A9",
                "edit(7, general)#         post;board=general;postId=7",
                "move(general, 7, TOP)#    post;board=general;postId=7|posts;board=general;sort=TOP",
                "move(empty, 7, TOP)#      post|posts",
                "move(general, 7, null)#   post;board=general;postId=7|posts",
                "rename(ada)#              profile"
            })
    void eachAffectedContextGetsOneKey(String call, String keys) {
        FunctionModel function =
                MODEL.function(call.substring(0, call.indexOf('('))).orElseThrow();
        assertEquals(
                keys.isEmpty() ? List.of() : List.of(keys.split("\\|")), AffectedKeys.of(function, arguments(call)));
    }
}
