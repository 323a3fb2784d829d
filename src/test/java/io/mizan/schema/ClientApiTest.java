package io.mizan.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import io.mizan.model.TypeRef;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a browser sees of a model: the functions it may call, and the types they reach through results,
 * arguments, properties and type arguments, arguments' types also listed as input types; a type only
 * server code uses is left out.
 */
class ClientApiTest {

    public record Tag(String name) {}

    public record Owner(String name, Tag tag) {}

    public record Page<T>(List<T> items, int total) {}

    public record Filter(String text) {}

    public record Secret(String value) {}

    public enum Level {
        LOW,
        HIGH
    }

    @Client
    public static class Shop {
        public Page<Owner> owners(Filter filter) {
            return null;
        }

        public Map<Level, List<String>> levels() {
            return null;
        }

        @Client(serverOnly = true)
        public Secret secret() {
            return null;
        }
    }

    static final Model MODEL = new ModelBuilder(Auth.PUBLIC).build(List.of(Shop.class));

    @Test
    void typesAreReachedThroughResultsArgumentsPropertiesAndTypeArguments() {
        ClientApi api = ClientApi.of(MODEL);

        assertEquals(
                List.of("levels", "owners"),
                api.functions().stream().map(FunctionModel::name).sorted().toList());
        assertEquals(
                List.of("Filter", "Level", "Owner", "Page", "Tag"),
                List.copyOf(api.types().keySet()));
        assertEquals(List.of("Filter"), List.copyOf(api.inputTypes()));
    }

    @Test
    void namesAreThoseATypeRefersToDirectly() {
        List<String> names = new ArrayList<>();
        TypeRef type = new TypeRef.Nullable(new TypeRef.MapOf(
                new TypeRef.EnumRef("Level"),
                new TypeRef.ListOf(
                        new TypeRef.ObjectRef(
                                "Page", List.of(new TypeRef.ObjectRef("Owner", List.of()), new TypeRef.TypeVar("T"))),
                        false)));

        ClientApi.names(type, names::add);

        assertEquals(List.of("Level", "Page", "Owner"), names);
    }
}
