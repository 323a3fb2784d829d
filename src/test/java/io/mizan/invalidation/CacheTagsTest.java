package io.mizan.invalidation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.Scope;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import jakarta.annotation.Nullable;
import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A context read's cache tags are every key that would invalidate it: checked against the keys the
 * mutations of the model produce and against the matching rule of the keys themselves.
 */
class CacheTagsTest {

    public static class Shop {
        @Client(context = Scope.GLOBAL)
        public List<String> categories() {
            return List.of();
        }

        @Client(context = Scope.LOCAL)
        public List<String> products(String category, @Nullable String q, int page, Principal me) {
            return List.of();
        }

        @Client(context = Scope.LOCAL)
        public List<String> search(Optional<String> q, int page) {
            return List.of();
        }

        @Client(context = Scope.LOCAL)
        public String wide(int a, int b, int c, int d, int e, int f) {
            return "";
        }

        @Client(affects = {"products", "categories"})
        public void addProduct(String category, String name) {}

        @Client(affects = "products")
        public void reprice(int page) {}

        @Client(affects = "wide")
        public void touchAB(int a, int b) {}

        @Client(affects = "wide")
        public void touchC(int c) {}
    }

    private static final Model MODEL = new ModelBuilder(Auth.PUBLIC).build(List.of(Shop.class));

    private static FunctionModel fn(String name) {
        return MODEL.function(name).orElseThrow();
    }

    @Test
    void aContextWithoutParametersHasItsName() {
        assertEquals(List.of("categories"), CacheTags.of(MODEL, fn("categories"), new Object[0]));
    }

    @Test
    void aReadHasItsNameAndEverySubsetOfItsGivenParameters() {
        // q is null: no key scoped by q can match this read; the principal is no parameter of the key
        List<String> tags = CacheTags.of(MODEL, fn("products"), new Object[] {"tea & co", null, 2, null});
        assertEquals(
                List.of(
                        "products",
                        "products;category=tea%20%26%20co",
                        "products;page=2",
                        "products;category=tea%20%26%20co;page=2"),
                tags);
    }

    @Test
    void aParameterLeftEmptyGivesNoTag() {
        assertEquals(
                List.of("search", "search;page=1"),
                CacheTags.of(MODEL, fn("search"), new Object[] {Optional.empty(), 1}));
        assertEquals(
                4,
                CacheTags.of(MODEL, fn("search"), new Object[] {Optional.of("tea"), 1})
                        .size());
    }

    @Test
    void everyKeyAMutationProducesForThisReadIsOneOfItsTags() {
        Object[] read = {"tea", "green", 3, null};
        List<String> tags = CacheTags.of(MODEL, fn("products"), read);
        List<String> produced = List.of(
                productsKey(AffectedKeys.of(fn("addProduct"), new Object[] {"tea", "x"})),
                AffectedKeys.of(fn("reprice"), new Object[] {3}).get(0));
        for (String key : produced) {
            assertTrue(tags.contains(key), key + " in " + tags);
            assertTrue(InvalidationKeys.matches(key, "products", Map.of("category", "tea", "q", "green", "page", "3")));
        }
        // and a key for another category is no tag of it
        assertTrue(!tags.contains(productsKey(AffectedKeys.of(fn("addProduct"), new Object[] {"coffee", "x"}))));
    }

    private static String productsKey(List<String> keys) {
        return keys.stream().filter(k -> k.startsWith("products")).findFirst().orElseThrow();
    }

    @Test
    void aReadWithManyParametersGetsTheScopingsTheModelUses() {
        List<String> tags = CacheTags.of(MODEL, fn("wide"), new Object[] {1, 2, 3, 4, 5, 6});
        assertEquals(List.of("wide", "wide;a=1;b=2", "wide;c=3"), tags);
    }
}
