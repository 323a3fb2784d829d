package io.mizan.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.FieldError;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import jakarta.annotation.Nullable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A 422's field paths, from the real Bean Validation: the argument's name, then JSON property names
 * ({@code @JsonbProperty}), list indexes and map keys, through generic records and optionals, so that
 * they match the 400's paths, the TypeScript types and the client's {@code fieldError(path)}.
 */
class ArgumentViolationsTest {

    public record Address(@NotBlank String city, @JsonbProperty("postal_code") @Size(min = 5) String postalCode) {}

    public record Item(@JsonbProperty("item_sku") @NotBlank String sku, @Min(1) int quantity) {}

    public record Order(
            @Valid Address address,
            List<@Valid Item> items,
            Map<String, @Valid Item> byName,
            @JsonbProperty("ship_to") @Valid @Nullable Address shipTo) {}

    public record Page<T>(List<@Valid T> items, Map<String, @Valid T> byKey) {}

    public record Pair<A, B>(List<@Valid A> left, List<@Valid B> right) {}

    public static class Orders {
        @Client
        public void rename(@NotBlank @Size(max = 5) String name, Principal me) {}

        @Client
        public void ship(@Valid Order order) {}

        @Client
        public void tag(List<@NotBlank String> tags, Map<String, @Size(max = 3) String> notes) {}

        @Client
        public void page(@Valid Page<Item> page) {}

        @Client
        public void pairs(@Valid Page<Pair<Address, Item>> page) {}

        @Client
        public void maybe(Optional<@Valid Address> address) {}

        @Client
        public void moveAll(List<@Valid Address> to) {}
    }

    static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    static final Model MODEL = new ModelBuilder(Auth.PUBLIC).build(List.of(Orders.class));

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    static final Address GOOD = new Address("Lyon", "69001");
    static final Item ONE = new Item("a-1", 1);

    static Map<String, Item> items(Object... keysAndValues) {
        Map<String, Item> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Item) keysAndValues[i + 1]);
        }
        return map;
    }

    static Object[] arguments(String name) {
        return switch (name) {
            case "rename: blank" -> new Object[] {" ", null};
            case "rename: long" -> new Object[] {"abcdefg", null};
            case "ship: city" -> new Object[] {new Order(new Address("", "69001"), List.of(), Map.of(), null)};
            case "ship: postal code" -> new Object[] {new Order(new Address("Lyon", "1"), List.of(), Map.of(), null)};
            case "ship: both" -> new Object[] {new Order(new Address("", "1"), List.of(), Map.of(), null)};
            case "ship: third item" -> new Object[] {new Order(GOOD, List.of(ONE, ONE, new Item("", 1)), Map.of(), null)
            };
            case "ship: item quantity" -> new Object[] {new Order(GOOD, List.of(new Item("a", 0)), Map.of(), null)};
            case "ship: item by name" -> new Object[] {
                new Order(GOOD, List.of(), items("a", ONE, "gift", new Item("", 1)), null)
            };
            case "ship: ship to" -> new Object[] {new Order(GOOD, List.of(), Map.of(), new Address("Lyon", "1"))};
            case "tag: second tag" -> new Object[] {Arrays.asList("a", " "), Map.of()};
            case "tag: note" -> new Object[] {List.of(), Map.of("k1", "ok", "k2", "too long")};
            case "page: item" -> new Object[] {new Page<>(List.of(ONE, new Item("", 1)), Map.of("k", ONE))};
            case "page: by key" -> new Object[] {new Page<>(List.of(), Map.of("k", new Item("b", 0)))};
            case "pairs: left" -> new Object[] {
                new Page<>(
                        List.of(
                                new Pair<>(List.of(GOOD), List.of()),
                                new Pair<>(List.of(GOOD, new Address("Lyon", "1")), List.of(ONE))),
                        Map.of())
            };
            case "pairs: right" -> new Object[] {
                new Page<Pair<Address, Item>>(List.of(), Map.of("k", new Pair<>(List.of(), List.of(new Item("", 1)))))
            };
            case "maybe: present" -> new Object[] {Optional.of(new Address("", "69001"))};
            case "moveAll: second" -> new Object[] {List.of(GOOD, new Address("Lyon", "1"))};
            default -> throw new IllegalArgumentException(name);
        };
    }

    static List<String> paths(String name) {
        String function = name.substring(0, name.indexOf(':'));
        FunctionModel model = MODEL.function(function).orElseThrow();
        Method method = model.method();
        var violations =
                VALIDATION.getValidator().forExecutables().validateParameters(new Orders(), method, arguments(name));
        return ArgumentViolations.toFieldErrors(MODEL, model, violations).stream()
                .map(FieldError::path)
                .toList();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '#',
            value = {
                "rename: blank#            name",
                "rename: long#             name",
                "ship: city#               order.address.city",
                "ship: postal code#        order.address.postal_code",
                "ship: both#               order.address.city|order.address.postal_code",
                "ship: third item#         order.items[2].item_sku",
                "ship: item quantity#      order.items[0].quantity",
                "ship: item by name#       order.byName[gift].item_sku",
                "ship: ship to#            order.ship_to.postal_code",
                "tag: second tag#          tags[1]",
                "tag: note#                notes[k2]",
                "page: item#               page.items[1].item_sku",
                "page: by key#             page.byKey[k].quantity",
                "pairs: left#              page.items[1].left[1].postal_code",
                "pairs: right#             page.byKey[k].right[0].item_sku",
                "maybe: present#           address.city",
                "moveAll: second#          to[1].postal_code"
            })
    void pathsUseTheWireNames(String arguments, String paths) {
        assertEquals(List.of(paths.split("\\|")), paths(arguments));
    }

    @Test
    void errorsAreSortedByPathThenMessage() {
        Method rename = MODEL.function("rename").orElseThrow().method();
        var violations = VALIDATION
                .getValidator()
                .forExecutables()
                .validateParameters(new Orders(), rename, new Object[] {"", null});
        // an empty name is blank, and too short for nothing: one error; two for a long blank name
        var longBlank = VALIDATION
                .getValidator()
                .forExecutables()
                .validateParameters(new Orders(), rename, new Object[] {"       ", null});
        List<FieldError> errors =
                ArgumentViolations.toFieldErrors(MODEL, MODEL.function("rename").orElseThrow(), longBlank);
        assertEquals(
                1,
                ArgumentViolations.toFieldErrors(MODEL, MODEL.function("rename").orElseThrow(), violations)
                        .size());
        assertEquals(
                List.of("name", "name"), errors.stream().map(FieldError::path).toList());
        assertEquals(
                errors.stream().map(FieldError::message).sorted().toList(),
                errors.stream().map(FieldError::message).toList());
    }
}
