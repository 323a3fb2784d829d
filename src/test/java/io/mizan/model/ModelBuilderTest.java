package io.mizan.model;

import io.mizan.Auth;
import io.mizan.Client;
import io.mizan.Scope;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelBuilderTest {

    static Model build(Class<?>... classes) {
        return new ModelBuilder(Auth.PUBLIC).build(List.of(classes));
    }

    static String problems(Class<?>... classes) {
        return String.join("\n", assertThrows(ModelException.class, () -> build(classes)).problems());
    }

    public static class Profiles {
        @Client(context = Scope.GLOBAL)
        public String currentUser(Principal me) {
            return "";
        }

        @Client(context = Scope.LOCAL)
        public String userProfile(long userId, String tab) {
            return "";
        }

        @Client(affects = {"userProfile", "currentUser"})
        public String rename(long userId, String name) {
            return name;
        }

        @Client(affects = "userProfile")
        public Response updateProfile(@PathParam("userId") long id, @PathParam("tab") String tab) {
            return null;
        }
    }

    @Test
    void contextsAndAutoScoping() {
        Model model = build(Profiles.class);
        FunctionModel rename = model.function("rename").orElseThrow();
        assertEquals(List.of("currentUser", "userProfile"), rename.affects());
        assertEquals(Map.of("currentUser", List.of(), "userProfile", List.of("userId")), rename.scopedBy());
        FunctionModel view = model.function("updateProfile").orElseThrow();
        assertTrue(view.viewPath());
        assertEquals(List.of("tab", "userId"), view.scopedBy().get("userProfile"));
        assertEquals(List.of("currentUser", "userProfile"), model.contexts().stream().map(FunctionModel::name).toList());
        assertEquals(ParamModel.Source.PRINCIPAL, model.function("currentUser").orElseThrow().params().get(0).source());
    }

    public static class Duplicates {
        @Client
        public String hello() {
            return "";
        }

        @Client(name = "hello")
        public String greet() {
            return "";
        }
    }

    public static class UnknownAffects {
        @Client(context = Scope.GLOBAL)
        public String currentUser() {
            return "";
        }

        @Client(affects = "curentUser")
        public void rename(String name) {
        }
    }

    public record Filter(String q) {
    }

    public static class BadContexts {
        @Client(context = Scope.LOCAL)
        public String search(Filter filter) {
            return "";
        }

        @Client(context = Scope.GLOBAL)
        public String settings(String key) {
            return "";
        }
    }

    public interface Shape {
    }

    public static class BadTypes {
        @Client
        public Object anything() {
            return null;
        }

        @Client
        public void draw(Shape shape) {
        }

        @Client
        @SuppressWarnings("rawtypes")
        public void raw(List items) {
        }

        @Client
        public void keyed(Map<Filter, String> map) {
        }
    }

    @Test
    void deploymentProblemsNameClassMethodAndFix() {
        String dup = problems(Duplicates.class);
        assertTrue(dup.startsWith("MIZAN-001 io.mizan.model.ModelBuilderTest$Duplicates.")
                && dup.contains("'hello'") && dup.contains(". Fix: "), dup);

        String affects = problems(UnknownAffects.class);
        assertTrue(affects.contains("MIZAN-019 io.mizan.model.ModelBuilderTest$UnknownAffects.rename:")
                && affects.contains("\"curentUser\"") && affects.contains("(the contexts are currentUser)"), affects);

        String contexts = problems(BadContexts.class);
        assertTrue(contexts.contains("MIZAN-017 io.mizan.model.ModelBuilderTest$BadContexts.search:")
                && contexts.contains("'filter'"), contexts);
        assertTrue(contexts.contains("MIZAN-016 io.mizan.model.ModelBuilderTest$BadContexts.settings:"), contexts);

        String types = problems(BadTypes.class);
        assertTrue(types.contains("MIZAN-008 io.mizan.model.ModelBuilderTest$BadTypes.anything:")
                && types.contains("Object says nothing"), types);
        assertTrue(types.contains("MIZAN-007 io.mizan.model.ModelBuilderTest$BadTypes.draw: parameter 'shape'")
                && types.contains("is an interface"), types);
        assertTrue(types.contains("MIZAN-007 io.mizan.model.ModelBuilderTest$BadTypes.raw: parameter 'items'")
                && types.contains("raw type List"), types);
        assertTrue(types.contains("MIZAN-007 io.mizan.model.ModelBuilderTest$BadTypes.keyed: parameter 'map'")
                && types.contains("a map key must be"), types);
    }

    public record Range<T>(T min, T max) {
    }

    public record Page<T>(java.util.List<T> items, long total) {
    }

    public static class Generics {
        @Client
        public void narrow(Range<Integer> range) {
        }

        @Client
        public void save(Page<String> page) {
        }

        @Client
        public Range<Integer> widest() {
            return null;
        }
    }

    @Test
    void genericRecordArgumentsWithABareTypeVariableAreRefused() {
        String problems = problems(Generics.class);
        assertTrue(problems.contains("MIZAN-007 io.mizan.model.ModelBuilderTest$Generics.narrow: parameter 'range'")
                && problems.contains("cannot read the component 'min' of the generic record Range"), problems);
        assertTrue(!problems.contains("Generics.save") && !problems.contains("Generics.widest"), problems);
    }

    public static class Orders {
        public record View(long id) {
        }

        @Client
        public View order() {
            return null;
        }
    }

    public static class Users {
        public record View(String name) {
        }

        @Client
        public View user() {
            return null;
        }
    }

    @Test
    void typesKeepTheirSimpleNamesUnlessTwoClash() {
        Model model = build(Orders.class, Users.class);
        assertEquals(java.util.Set.of("View", "UsersView"), model.types().keySet());
        assertEquals(Orders.View.class, model.types().get("View").javaType());
        assertEquals(new TypeRef.ObjectRef("UsersView", List.of()), model.function("user").orElseThrow().result());
    }

    @Client(roles = "staff")
    public static class StaffDesk {
        public String payroll() {
            return "";
        }

        @PermitAll
        public String opening() {
            return "";
        }

        @Client(auth = Auth.AUTHENTICATED)
        public String lunch() {
            return "";
        }

        @RolesAllowed("boss")
        public String raise() {
            return "";
        }
    }

    @Test
    void accessRulesResolveMethodFirstThenClassThenDefault() {
        Model model = new ModelBuilder(Auth.AUTHENTICATED).build(List.of(StaffDesk.class, Profiles.class));
        assertEquals(new AccessRule(AccessRule.Kind.ROLES, Set.of("staff"), null),
                model.function("payroll").orElseThrow().access());
        assertEquals(AccessRule.Kind.PUBLIC, model.function("opening").orElseThrow().access().kind());
        assertEquals(AccessRule.Kind.AUTHENTICATED, model.function("lunch").orElseThrow().access().kind());
        assertEquals(Set.of("boss"), model.function("raise").orElseThrow().access().roles());
        assertEquals(AccessRule.Kind.AUTHENTICATED, model.function("rename").orElseThrow().access().kind());
    }

    @Test
    void defaultAuthIsParsed() {
        assertEquals(Auth.PUBLIC, ModelBuilder.parseDefaultAuth(null));
        assertEquals(Auth.AUTHENTICATED, ModelBuilder.parseDefaultAuth(" Authenticated "));
        ModelException e = assertThrows(ModelException.class, () -> ModelBuilder.parseDefaultAuth("everyone"));
        assertTrue(e.getMessage().startsWith("MIZAN-023 mizan.auth.default:") && e.getMessage().contains("'everyone'"),
                e.getMessage());
    }
}
