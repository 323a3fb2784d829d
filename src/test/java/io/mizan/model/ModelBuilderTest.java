package io.mizan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class ModelBuilderTest {

    static Model build(Class<?>... classes) {
        return new ModelBuilder(Auth.PUBLIC).build(List.of(classes));
    }

    static String problems(Class<?>... classes) {
        return String.join(
                "\n", assertThrows(ModelException.class, () -> build(classes)).problems());
    }

    public record Named(String name) {}

    public abstract static class Crud<T> {
        @Client
        public T get(long id) {
            return null;
        }

        @Client
        public List<T> all(java.util.Optional<T> filter) {
            return List.of();
        }
    }

    public static class CrudUsers extends Crud<Named> {}

    @SuppressWarnings("rawtypes")
    public static class RawUsers extends Crud {}

    public abstract static class Middle<X> extends Crud<List<X>> {}

    public static class Teams extends Middle<Named> {}

    @Test
    void functionsOfAGenericSuperclassTakeTheTypesTheBeanClassGivesIt() {
        Model model = build(CrudUsers.class);
        TypeRef named = new TypeRef.ObjectRef("Named", List.of());
        assertEquals(named, model.function("get").orElseThrow().result());
        assertEquals(
                new TypeRef.ListOf(named, false),
                model.function("all").orElseThrow().result());
        ParamModel filter = model.function("all").orElseThrow().params().get(0);
        assertEquals(new TypeRef.Nullable(named), filter.type());
        assertEquals(
                "java.util.Optional<" + Named.class.getName() + ">",
                filter.javaType().getTypeName());
        assertEquals(Named.class, model.function("get").orElseThrow().resultType());
        // through a generic class in between, which gives Crud a type of its own variable
        assertEquals(
                new TypeRef.ListOf(named, false),
                build(Teams.class).function("get").orElseThrow().result());
    }

    @Test
    void aTypeVariableTheBeanClassLeavesOpenIsRefusedWithTheFix() {
        String problems = problems(RawUsers.class);
        assertTrue(
                problems.contains("MIZAN-049 io.mizan.model.ModelBuilderTest$RawUsers.get: its result has the type"
                        + " variable T of io.mizan.model.ModelBuilderTest$Crud, which the bean class leaves open"),
                problems);
        assertTrue(
                problems.contains("MIZAN-049 io.mizan.model.ModelBuilderTest$RawUsers.all: parameter 'filter' has the"
                        + " type variable T"),
                problems);
        assertTrue(problems.contains("Fix: extend the generic class with concrete type arguments"), problems);
    }

    public record OneName(@jakarta.json.bind.annotation.JsonbProperty("x") String a, String x) {}

    public record OneChar(@jakarta.validation.constraints.NotBlank Character initial) {}

    public static class JsonNames {
        @Client
        public String sameName(OneName value) {
            return "";
        }

        @Client
        public String constrainedChar(@jakarta.validation.Valid OneChar value) {
            return "";
        }

        @Client
        public String constrainedCharParameter(@jakarta.validation.constraints.Min(65) char letter) {
            return "";
        }
    }

    @Test
    void twoPropertiesOfOneJsonNameAndConstraintsOnACharAreRefusedWithTheFix() {
        String problems = problems(JsonNames.class);
        assertTrue(
                problems.contains("MIZAN-007 io.mizan.model.ModelBuilderTest$JsonNames.sameName: parameter 'value'"
                        + " cannot be read from JSON: the properties 'a' and 'x' of"
                        + " io.mizan.model.ModelBuilderTest$OneName have one JSON name, 'x'"),
                problems);
        assertTrue(problems.contains("give each its own name with @JsonbProperty"), problems);
        assertTrue(
                problems.contains("MIZAN-007 io.mizan.model.ModelBuilderTest$JsonNames.constrainedChar: parameter"
                        + " 'value' cannot be read from JSON: property 'initial' of"
                        + " io.mizan.model.ModelBuilderTest$OneChar: @NotBlank does not apply to a char"),
                problems);
        assertTrue(
                problems.contains("MIZAN-007 io.mizan.model.ModelBuilderTest$JsonNames.constrainedCharParameter:"
                        + " parameter 'letter' cannot be read from JSON: @Min does not apply to a char"),
                problems);
        assertTrue(problems.contains("a String with @Size(min = 1, max = 1)"), problems);
    }

    public record Booking(@jakarta.validation.constraints.Past String day) {}

    public record Labeled<T>(@jakarta.validation.constraints.NotBlank T label) {}

    public static class MisplacedConstraints {
        @Client
        public Labeled<String> labeled() {
            return null;
        }

        @Client
        public String size(@jakarta.validation.constraints.Size(max = 3) Integer count) {
            return "";
        }

        @Client
        public String blankList(@jakarta.validation.constraints.NotBlank List<String> names) {
            return "";
        }

        @Client
        public String minDate(@jakarta.validation.constraints.Min(1) java.time.LocalDate day) {
            return "";
        }

        @Client
        public String past(@jakarta.validation.Valid Booking booking) {
            return "";
        }

        @Client
        public String sizeOfOptional(@jakarta.validation.constraints.Size(max = 2) java.util.Optional<Integer> n) {
            return "";
        }

        @Client
        public String blankInt(@jakarta.validation.constraints.NotBlank java.util.OptionalInt n) {
            return "";
        }

        @Client
        public String blankLong(@jakarta.validation.constraints.NotBlank java.util.OptionalLong n) {
            return "";
        }

        @Client
        public String pastDouble(@jakarta.validation.constraints.Past java.util.OptionalDouble n) {
            return "";
        }

        @Client
        public String fine(
                @jakarta.validation.constraints.Size(max = 3) List<String> names,
                @jakarta.validation.constraints.NotBlank java.util.Optional<String> nick,
                @jakarta.validation.constraints.Min(1) String digits,
                @jakarta.validation.constraints.Positive java.util.OptionalInt count,
                @jakarta.validation.constraints.Past java.time.Instant at,
                @jakarta.validation.constraints.AssertTrue Boolean agreed,
                @jakarta.validation.constraints.NotEmpty java.util.Map<String, String> tags,
                @jakarta.validation.constraints.NotNull java.util.UUID id) {
            return "";
        }
    }

    @Test
    void aConstraintBeanValidationHasNoValidatorForIsRefusedWithTheFix() {
        String problems = problems(MisplacedConstraints.class);
        assertTrue(
                problems.contains("MIZAN-007 io.mizan.model.ModelBuilderTest$MisplacedConstraints.size: parameter"
                        + " 'count' cannot be read from JSON: @Size does not apply to a java.lang.Integer: Bean"
                        + " Validation has no validator for it and would fail every call; put it on a String, a"
                        + " collection, a map or an array"),
                problems);
        assertTrue(
                problems.contains("blankList: parameter 'names' cannot be read from JSON: @NotBlank does not apply"
                        + " to a java.util.List: Bean Validation has no validator for it and would fail every call;"
                        + " put it on a String"),
                problems);
        assertTrue(
                problems.contains("minDate: parameter 'day' cannot be read from JSON: @Min does not apply to a"
                        + " java.time.LocalDate"),
                problems);
        assertTrue(
                problems.contains("past: parameter 'booking' cannot be read from JSON: property 'day' of"
                        + " io.mizan.model.ModelBuilderTest$Booking: @Past does not apply to a java.lang.String"),
                problems);
        // an Optional, OptionalInt, OptionalLong or OptionalDouble is checked as its value
        assertTrue(
                problems.contains("sizeOfOptional: parameter 'n' cannot be read from JSON: @Size does not apply to"
                        + " a java.lang.Integer"),
                problems);
        assertTrue(
                problems.contains(
                        "blankInt: parameter 'n' cannot be read from JSON: @NotBlank does not apply to an int"),
                problems);
        assertTrue(
                problems.contains(
                        "blankLong: parameter 'n' cannot be read from JSON: @NotBlank does not apply to" + " a long"),
                problems);
        assertTrue(
                problems.contains(
                        "pastDouble: parameter 'n' cannot be read from JSON: @Past does not apply to" + " a double"),
                problems);
        assertEquals(8, problems.split("\n").length, problems); // the fine ones are unwrapped and fit
    }

    public record Money(long cents) {}

    public static class MoneyAdapter implements jakarta.json.bind.adapter.JsonbAdapter<Money, String> {
        @Override
        public String adaptToJson(Money money) {
            return money.cents() + "c";
        }

        @Override
        public Money adaptFromJson(String text) {
            return new Money(Long.parseLong(text.replace("c", "")));
        }
    }

    public record Priced(@jakarta.json.bind.annotation.JsonbNumberFormat("#0.00") double price) {}

    public record Dated(@jakarta.json.bind.annotation.JsonbDateFormat("dd.MM.yyyy") java.time.LocalDate day) {}

    public record Paid(@jakarta.json.bind.annotation.JsonbTypeAdapter(MoneyAdapter.class) Money money) {}

    @jakarta.json.bind.annotation.JsonbTypeAdapter(MoneyAdapter.class)
    public record AdaptedMoney(long cents) {}

    public static class Formats {
        @Client
        public Priced priced() {
            return null;
        }

        @Client
        public String dated(Dated dated) {
            return "";
        }

        @Client
        public String paid(Paid paid) {
            return "";
        }

        @Client
        public String adapted(AdaptedMoney money) {
            return "";
        }

        @Client
        public String inAList(List<AdaptedMoney> money) {
            return "";
        }

        @Client
        public String onTheParameter(
                @jakarta.json.bind.annotation.JsonbDateFormat("dd.MM.yyyy") java.time.LocalDate day) {
            return "";
        }
    }

    @Test
    void jsonbFormatsAndAdaptersAreRefusedWithTheFix() {
        String problems = problems(Formats.class);
        for (String expected : new String[] {
            "MIZAN-008 io.mizan.model.ModelBuilderTest$Formats.priced: its result cannot be sent as JSON: property"
                    + " 'price' of io.mizan.model.ModelBuilderTest$Priced: @JsonbNumberFormat changes its JSON form",
            "MIZAN-007 io.mizan.model.ModelBuilderTest$Formats.dated: parameter 'dated' cannot be read from JSON:"
                    + " property 'day' of io.mizan.model.ModelBuilderTest$Dated: @JsonbDateFormat changes its JSON form",
            "MIZAN-007 io.mizan.model.ModelBuilderTest$Formats.paid: parameter 'paid' cannot be read from JSON:"
                    + " property 'money' of io.mizan.model.ModelBuilderTest$Paid: @JsonbTypeAdapter changes its JSON form",
            "MIZAN-007 io.mizan.model.ModelBuilderTest$Formats.adapted: parameter 'money' cannot be read from JSON:"
                    + " io.mizan.model.ModelBuilderTest$AdaptedMoney: @JsonbTypeAdapter changes its JSON form"
        }) {
            assertTrue(problems.contains(expected), problems);
        }
        assertTrue(problems.contains("the generated types, the schemas and the server's checks describe"), problems);
        assertTrue(
                problems.contains("Formats.inAList: parameter 'money' cannot be read from JSON:"
                        + " io.mizan.model.ModelBuilderTest$AdaptedMoney: @JsonbTypeAdapter"),
                problems);
        assertTrue(
                problems.contains("Formats.onTheParameter: parameter 'day' cannot be read from JSON:"
                        + " @JsonbDateFormat changes"),
                problems);
        assertEquals(6, problems.split("\n").length, problems);
    }

    public record Signup(@jakarta.validation.constraints.NotBlank String name, Address address) {}

    public record Address(@jakarta.validation.constraints.NotBlank String city) {}

    public record Checked(String note, @jakarta.validation.Valid Address address) {}

    public record Loop(String name, List<Loop> children) {}

    public static class Cascades {
        @Client
        public String plain(Signup signup) {
            return "";
        }

        @Client
        public String nestedWithoutValid(@jakarta.validation.Valid Signup signup) {
            return "";
        }

        @Client
        public String plainList(List<Checked> items) {
            return "";
        }

        @Client
        public String checked(@jakarta.validation.Valid Checked checked) {
            return "";
        }

        @Client
        public String checkedList(@jakarta.validation.Valid List<Checked> items) {
            return "";
        }

        @Client
        public String typeUse(java.util.Map<String, @jakarta.validation.Valid Checked> byName) {
            return "";
        }

        @Client
        public String unconstrained(Loop loop, java.util.Optional<Loop> other) {
            return "";
        }
    }

    public record ItemPage<T>(List<T> items) {}

    public record CheckedPage<T>(@jakarta.validation.Valid List<T> items) {}

    public record PageBox<U>(@jakarta.validation.Valid ItemPage<U> page) {}

    public static class GenericRecords {
        @Client
        public String page(@jakarta.validation.Valid ItemPage<Address> page) {
            return "";
        }

        @Client
        public String boxed(@jakarta.validation.Valid PageBox<Address> box) {
            return "";
        }

        @Client
        public String checked(@jakarta.validation.Valid CheckedPage<Address> page) {
            return "";
        }
    }

    public record Growing<T>(
            @jakarta.validation.Valid List<T> values, @jakarta.validation.Valid Growing<List<T>> next) {}

    public static class GrowingRecords {
        @Client
        public String grow(@jakarta.validation.Valid Growing<Address> growing) {
            return "";
        }
    }

    @Test
    void aRecordThatNestsItselfInEverLargerTypesStillBuilds() {
        assertEquals(1, build(GrowingRecords.class).functions().size());
    }

    @Test
    void aConstraintReachedThroughAGenericRecordsTypeArgumentNeedsValidOnTheWay() {
        String problems = problems(GenericRecords.class);
        String gap =
                " the constraint of property 'city' of io.mizan.model.ModelBuilderTest$Address (@NotBlank) is never"
                        + " checked on the server: Bean Validation looks inside property 'items' of"
                        + " io.mizan.model.ModelBuilderTest$ItemPage only if it carries @Valid";
        assertTrue(problems.contains("MIZAN-051 io.mizan.model.ModelBuilderTest$GenericRecords.page:" + gap), problems);
        // PageBox's U is Address, so Page's T is too
        assertTrue(
                problems.contains("MIZAN-051 io.mizan.model.ModelBuilderTest$GenericRecords.boxed:" + gap), problems);
        assertEquals(2, problems.split("\n").length, problems); // CheckedPage's @Valid reaches its items
    }

    public abstract static class Store<T> {
        @Client
        public String put(T value, @jakarta.validation.Valid List<T> more) {
            return "";
        }
    }

    public static class Signups extends Store<Signup> {}

    @Test
    void aGenericSuperclasssParameterOfAConstrainedTypeNeedsValidToo() {
        String problems = problems(Signups.class);
        assertTrue(
                problems.contains("MIZAN-051 io.mizan.model.ModelBuilderTest$Signups.put: the constraint of property"
                        + " 'name' of io.mizan.model.ModelBuilderTest$Signup (@NotBlank) is never checked on the server:"
                        + " Bean Validation looks inside parameter 'value' only if it carries @Valid"),
                problems);
        // @Valid on the list reaches its Signups, whose Address lacks it
        assertTrue(
                problems.contains("looks inside property 'address' of io.mizan.model.ModelBuilderTest$Signup"),
                problems);
        assertEquals(2, problems.split("\n").length, problems);
    }

    @Test
    void constraintsThatBeanValidationNeverReachesAreRefusedWithTheFix() {
        List<String> problems =
                assertThrows(ModelException.class, () -> build(Cascades.class)).problems();
        assertEquals(
                List.of(
                        "MIZAN-051 io.mizan.model.ModelBuilderTest$Cascades.nestedWithoutValid: the constraint of"
                                + " property 'city' of io.mizan.model.ModelBuilderTest$Address (@NotBlank) is never"
                                + " checked on the server: Bean Validation looks inside property 'address' of"
                                + " io.mizan.model.ModelBuilderTest$Signup only if it carries @Valid, while the"
                                + " generated schemas check it in the browser. Fix: annotate property 'address' of"
                                + " io.mizan.model.ModelBuilderTest$Signup with @Valid (on a List, Set, Map or"
                                + " Optional it reaches the elements).",
                        "MIZAN-051 io.mizan.model.ModelBuilderTest$Cascades.plain: the constraint of property 'name'"
                                + " of io.mizan.model.ModelBuilderTest$Signup (@NotBlank) is never checked on the"
                                + " server: Bean Validation looks inside parameter 'signup' only if it carries @Valid,"
                                + " while the generated schemas check it in the browser. Fix: annotate parameter"
                                + " 'signup' with @Valid (on a List, Set, Map or Optional it reaches the elements).",
                        "MIZAN-051 io.mizan.model.ModelBuilderTest$Cascades.plainList: the constraint of property"
                                + " 'city' of io.mizan.model.ModelBuilderTest$Address (@NotBlank) is never checked on"
                                + " the server: Bean Validation looks inside parameter 'items' only if it carries"
                                + " @Valid, while the generated schemas check it in the browser. Fix: annotate"
                                + " parameter 'items' with @Valid (on a List, Set, Map or Optional it reaches the"
                                + " elements)."),
                problems.stream().sorted().toList());
    }

    public static class Unreadable {
        @Client
        public int iterable(Iterable<String> names) {
            return 0;
        }

        @Client
        public int sorted(java.util.SortedSet<Named> names) {
            return 0;
        }

        @Client
        public Iterable<String> written(java.util.SortedSet<String> names) {
            return names;
        }
    }

    @Test
    void inputsJsonbCannotCreateAreRefused() {
        String problems = problems(Unreadable.class);
        assertTrue(
                problems.contains("MIZAN-007 io.mizan.model.ModelBuilderTest$Unreadable.iterable: parameter 'names'"
                        + " cannot be read from JSON: JSON-B cannot create an Iterable; use List<T>"),
                problems);
        assertTrue(
                problems.contains("MIZAN-007 io.mizan.model.ModelBuilderTest$Unreadable.sorted: parameter 'names'"
                        + " cannot be read from JSON: the elements of a SortedSet must be Comparable"),
                problems);
        assertEquals(2, problems.split("\n").length, problems); // an Iterable result and a SortedSet<String> pass
    }

    public interface Strict {}

    public record Grouped(
            @jakarta.validation.constraints.Size(min = 5, groups = Strict.class) String strictOnly,
            @jakarta.validation.constraints.Size(
                            max = 3,
                            groups = {jakarta.validation.groups.Default.class, Strict.class})
                    String both,
            @jakarta.validation.constraints.NotBlank(message = "say something") String plain,
            @jakarta.validation.constraints.Size(min = 2, message = "at least {min} characters") String interpolated) {}

    public static class Groups {
        @Client
        public String save(@jakarta.validation.Valid Grouped grouped) {
            return "";
        }
    }

    @Test
    void onlyConstraintsOfTheDefaultGroupAreInTheModel() {
        TypeDef.ObjectDef grouped = (TypeDef.ObjectDef) build(Groups.class).types().values().stream()
                .filter(t -> t.javaType() == Grouped.class)
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of(List.of(), List.of("Size"), List.of("NotBlank"), List.of("Size")),
                grouped.properties().stream()
                        .map(p -> p.constraints().stream()
                                .map(ConstraintModel::name)
                                .toList())
                        .toList());
        // a plain message is the schema's too; one the validator interpolates is left to it
        assertEquals(
                "say something",
                grouped.properties().get(2).constraints().get(0).attributes().get("message"));
        assertEquals(
                null,
                grouped.properties().get(3).constraints().get(0).attributes().get("message"));
    }

    /** A type-use annotation: any annotation named Nullable counts. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE_USE)
    public @interface Nullable {}

    public record Sheet<T>(List<T> items) {}

    public record Holes(List<@Nullable String> names, java.util.Map<String, @Nullable Integer> counts) {}

    public static class TypeUseNullable {
        @Client
        public List<@Nullable String> names(
                List<@Nullable String> names,
                String @Nullable [] unused,
                @Nullable String @Nullable [] array,
                java.util.Optional<List<@Nullable Long>> maybe,
                Sheet<@Nullable String> page,
                Holes holes) {
            return names;
        }
    }

    @Test
    void nullableOnATypeArgumentMakesThatElementNullable() {
        FunctionModel names = build(TypeUseNullable.class).functions().get("names");
        TypeRef string = new TypeRef.Scalar(ScalarKind.STRING, String.class);
        TypeRef orNull = new TypeRef.Nullable(string);
        assertEquals(new TypeRef.ListOf(orNull, false), names.result());
        assertEquals(
                List.of(
                        new TypeRef.ListOf(orNull, false),
                        new TypeRef.Nullable(new TypeRef.ListOf(string, false)),
                        new TypeRef.Nullable(new TypeRef.ListOf(orNull, false)),
                        new TypeRef.Nullable(new TypeRef.ListOf(
                                new TypeRef.Nullable(new TypeRef.Scalar(ScalarKind.INTEGER, Long.class)), false)),
                        new TypeRef.ObjectRef("Sheet", List.of(orNull))),
                names.params().subList(0, 5).stream().map(ParamModel::type).toList());
        TypeDef.ObjectDef holes =
                (TypeDef.ObjectDef) build(TypeUseNullable.class).types().get("Holes");
        assertEquals(
                List.of(
                        new TypeRef.ListOf(orNull, false),
                        new TypeRef.MapOf(
                                string, new TypeRef.Nullable(new TypeRef.Scalar(ScalarKind.INTEGER, Integer.class)))),
                holes.properties().stream().map(PropertyModel::type).toList());
    }

    @Test
    void typesOfOneSimpleNameAreNamedAlikeWhateverOrderTheyAreMetIn() {
        for (Class<?> bean :
                List.of(io.mizan.model.naming.Shop.OrdersFirst.class, io.mizan.model.naming.Shop.CartsFirst.class)) {
            Map<String, Class<?>> named = new java.util.TreeMap<>();
            build(bean).types().values().forEach(t -> named.put(t.name(), t.javaType()));
            assertEquals(
                    Map.of(
                            "Item", io.mizan.model.naming.Item.class,
                            "OrdersItem", io.mizan.model.naming.Shop.Orders.Item.class,
                            "CartsItem", io.mizan.model.naming.Shop.Carts.Item.class),
                    named,
                    bean.getSimpleName());
        }
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
        assertEquals(
                List.of("currentUser", "userProfile"),
                model.contexts().stream().map(FunctionModel::name).toList());
        assertEquals(
                ParamModel.Source.PRINCIPAL,
                model.function("currentUser").orElseThrow().params().get(0).source());
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
        public void rename(String name) {}
    }

    public record Filter(String q) {}

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

    public interface Shape {}

    public static class BadTypes {
        @Client
        public Object anything() {
            return null;
        }

        @Client
        public void draw(Shape shape) {}

        @Client
        @SuppressWarnings("rawtypes")
        public void raw(List items) {}

        @Client
        public void keyed(Map<Filter, String> map) {}
    }

    @Test
    void deploymentProblemsNameClassMethodAndFix() {
        String dup = problems(Duplicates.class);
        assertTrue(
                dup.startsWith("MIZAN-001 io.mizan.model.ModelBuilderTest$Duplicates.")
                        && dup.contains("'hello'")
                        && dup.contains(". Fix: "),
                dup);

        String affects = problems(UnknownAffects.class);
        assertTrue(
                affects.contains("MIZAN-019 io.mizan.model.ModelBuilderTest$UnknownAffects.rename:")
                        && affects.contains("\"curentUser\"")
                        && affects.contains("(the contexts are currentUser)"),
                affects);

        String contexts = problems(BadContexts.class);
        assertTrue(
                contexts.contains("MIZAN-017 io.mizan.model.ModelBuilderTest$BadContexts.search:")
                        && contexts.contains("'filter'"),
                contexts);
        assertTrue(contexts.contains("MIZAN-016 io.mizan.model.ModelBuilderTest$BadContexts.settings:"), contexts);

        String types = problems(BadTypes.class);
        assertTrue(
                types.contains("MIZAN-008 io.mizan.model.ModelBuilderTest$BadTypes.anything:")
                        && types.contains("Object says nothing"),
                types);
        assertTrue(
                types.contains("MIZAN-007 io.mizan.model.ModelBuilderTest$BadTypes.draw: parameter 'shape'")
                        && types.contains("is an interface"),
                types);
        assertTrue(
                types.contains("MIZAN-007 io.mizan.model.ModelBuilderTest$BadTypes.raw: parameter 'items'")
                        && types.contains("raw type List"),
                types);
        assertTrue(
                types.contains("MIZAN-007 io.mizan.model.ModelBuilderTest$BadTypes.keyed: parameter 'map'")
                        && types.contains("a map key must be"),
                types);
    }

    public record Range<T>(T min, T max) {}

    public record Page<T>(java.util.List<T> items, long total) {}

    public static class Generics {
        @Client
        public void narrow(Range<Integer> range) {}

        @Client
        public void save(Page<String> page) {}

        @Client
        public Range<Integer> widest() {
            return null;
        }
    }

    @Test
    void genericRecordArgumentsWithABareTypeVariableAreRefused() {
        String problems = problems(Generics.class);
        assertTrue(
                problems.contains("MIZAN-007 io.mizan.model.ModelBuilderTest$Generics.narrow: parameter 'range'")
                        && problems.contains("cannot read the component 'min' of the generic record Range"),
                problems);
        assertTrue(!problems.contains("Generics.save") && !problems.contains("Generics.widest"), problems);
    }

    public static class Orders {
        public record View(long id) {}

        @Client
        public View order() {
            return null;
        }
    }

    public static class Users {
        public record View(String name) {}

        @Client
        public View user() {
            return null;
        }
    }

    @Test
    void typesKeepTheirSimpleNamesUnlessTwoClash() {
        Model model = build(Orders.class, Users.class);
        // neither keeps View: which one would depended on the order the functions are read in
        assertEquals(java.util.Set.of("OrdersView", "UsersView"), model.types().keySet());
        assertEquals(Orders.View.class, model.types().get("OrdersView").javaType());
        assertEquals(
                new TypeRef.ObjectRef("UsersView", List.of()),
                model.function("user").orElseThrow().result());
        assertEquals(java.util.Set.of("View"), build(Orders.class).types().keySet());
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
        assertEquals(
                new AccessRule(AccessRule.Kind.ROLES, Set.of("staff"), null),
                model.function("payroll").orElseThrow().access());
        assertEquals(
                AccessRule.Kind.PUBLIC,
                model.function("opening").orElseThrow().access().kind());
        assertEquals(
                AccessRule.Kind.AUTHENTICATED,
                model.function("lunch").orElseThrow().access().kind());
        assertEquals(
                Set.of("boss"), model.function("raise").orElseThrow().access().roles());
        assertEquals(
                AccessRule.Kind.AUTHENTICATED,
                model.function("rename").orElseThrow().access().kind());
    }

    @Test
    void defaultAuthIsParsed() {
        assertEquals(Auth.PUBLIC, ModelBuilder.parseDefaultAuth(null));
        assertEquals(Auth.AUTHENTICATED, ModelBuilder.parseDefaultAuth(" Authenticated "));
        ModelException e = assertThrows(ModelException.class, () -> ModelBuilder.parseDefaultAuth("everyone"));
        assertTrue(
                e.getMessage().startsWith("MIZAN-023 mizan.auth.default:")
                        && e.getMessage().contains("'everyone'"),
                e.getMessage());
    }

    // ---- how a method's @Client merges with its class's, member by member ----

    public static class Staffish implements io.mizan.AccessCheck {
        @Override
        public boolean permits(String function, Principal caller) {
            return true;
        }
    }

    public static class Bossish extends Staffish {}

    @Client(
            context = Scope.LOCAL,
            auth = Auth.AUTHENTICATED,
            check = Staffish.class,
            affects = "board",
            serverOnly = true)
    public static class Loaded {
        @Client
        public String inherits(long id) {
            return "";
        }

        @Client(auth = Auth.PUBLIC, check = Bossish.class, affects = "notes")
        public String overrides(long id) {
            return "";
        }

        @Client(roles = "staff")
        public String roles(long id) {
            return "";
        }

        @Client(context = Scope.GLOBAL)
        public String global() {
            return "";
        }

        @Client(context = Scope.GLOBAL)
        public String board() {
            return "";
        }

        @Client(context = Scope.GLOBAL)
        public String notes() {
            return "";
        }
    }

    @Client(roles = "staff")
    @RolesAllowed("clerk")
    public static class Guarded {
        public String byClass() {
            return "";
        }

        @Client(auth = Auth.PUBLIC)
        public String clientOnMethod() {
            return "";
        }

        @Client
        public String defaultsOnMethod() {
            return "";
        }

        @Client(auth = Auth.AUTHENTICATED)
        @PermitAll
        public String jakartaOnMethod() {
            return "";
        }
    }

    @Test
    void aMethodsClientTakesTheClassesValueForEveryMemberItLeavesAtItsDefault() {
        Model model = build(Loaded.class, Guarded.class);
        record Row(String function, Scope context, AccessRule access, List<String> affects, boolean serverOnly) {}
        AccessRule authenticated = AccessRule.of(AccessRule.Kind.AUTHENTICATED);
        for (Row row : List.of(
                // every member left at its default: all of the class's
                new Row("inherits", Scope.LOCAL, authenticated.withCheck(Staffish.class), List.of("board"), true),
                // auth, check and affects set: the method's; context and serverOnly: the class's
                new Row(
                        "overrides",
                        Scope.LOCAL,
                        AccessRule.of(AccessRule.Kind.PUBLIC).withCheck(Bossish.class),
                        List.of("notes"),
                        true),
                // roles set: the method's rule replaces the class's auth
                new Row(
                        "roles",
                        Scope.LOCAL,
                        new AccessRule(AccessRule.Kind.ROLES, Set.of("staff"), Staffish.class),
                        List.of("board"),
                        true),
                new Row("global", Scope.GLOBAL, authenticated.withCheck(Staffish.class), List.of("board"), true),
                // Jakarta on the class beats @Client on the class ...
                new Row(
                        "byClass",
                        Scope.NONE,
                        new AccessRule(AccessRule.Kind.ROLES, Set.of("clerk"), null),
                        List.of(),
                        false),
                // ... but not @Client on the method, which comes before it
                new Row("clientOnMethod", Scope.NONE, AccessRule.of(AccessRule.Kind.PUBLIC), List.of(), false),
                // a method @Client without auth or roles leaves the class's rules in force, Jakarta first
                new Row(
                        "defaultsOnMethod",
                        Scope.NONE,
                        new AccessRule(AccessRule.Kind.ROLES, Set.of("clerk"), null),
                        List.of(),
                        false),
                // Jakarta on the method beats everything
                new Row("jakartaOnMethod", Scope.NONE, AccessRule.of(AccessRule.Kind.PUBLIC), List.of(), false))) {
            FunctionModel f = model.function(row.function()).orElseThrow(() -> new AssertionError(row.function()));
            assertEquals(row, new Row(f.name(), f.scope(), f.access(), f.affects(), f.serverOnly()), row.function());
        }
    }

    @Client(affects = "x")
    public static class ClassLevelAffectsUnknown {
        public void a() {}
    }

    @Test
    void whatAMethodInheritsIsCheckedLikeWhatItSays() {
        String problems = problems(ClassLevelAffectsUnknown.class);
        assertTrue(
                problems.startsWith("MIZAN-019 io.mizan.model.ModelBuilderTest$ClassLevelAffectsUnknown.a:"), problems);
    }

    public record Span(java.time.Duration length) {}

    public static class Scoped {
        @Client(context = Scope.LOCAL)
        public String schedule(java.time.Duration length, java.util.UUID owner) {
            return "";
        }

        @Client(affects = "schedule")
        public void shorten(java.util.Optional<java.time.Duration> length, String owner) {}

        @Client(affects = "schedule")
        public Response move(
                @jakarta.ws.rs.QueryParam("length") java.util.Optional<Long> span,
                @PathParam("owner") java.util.List<String> owners) {
            return null;
        }
    }

    @Test
    void scopingParametersMustBeScalarsOptionalOrNot() {
        String problems = problems(Scoped.class);
        assertTrue(
                !problems.contains("Scoped.shorten")
                        && problems.contains("MIZAN-020 io.mizan.model.ModelBuilderTest$Scoped.move:")
                        && problems.contains("parameter 'owners'"),
                problems);
        assertEquals(1, problems.lines().count(), problems);
    }
}
