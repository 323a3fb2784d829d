package io.mizan.messages;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every problem Mizan reports, one method each, with a stable id that tests, logs and
 * {@code docs/problems.md} refer to. A message reads
 * {@code MIZAN-019 com.example.Users.rename: affects = "profle" names no context (...). Fix: ...}:
 * the id, where the problem is (a class and method, a class, or a setting), what is wrong and how to
 * fix it.
 *
 * <pre>{@code
 * problems.add(Messages.unknownAffects("com.example.Users.rename", "profle", List.of("profile")));
 * }</pre>
 *
 * <p>Ids are never reused or renumbered: a problem that goes away leaves its id unused. Deployment
 * problems, and those the code generator finds on its own, take {@code MIZAN-001} to {@code MIZAN-099};
 * call-time errors take {@code MIZAN-100} up.
 */
public final class Messages {

    private static final Pattern ID = Pattern.compile("^(MIZAN-\\d{3}) ");

    private Messages() {
    }

    /** The id a message starts with ({@code MIZAN-019}), or {@code null} when it has none. */
    public static String id(String message) {
        Matcher m = ID.matcher(message);
        return m.find() ? m.group(1) : null;
    }

    private static String format(String id, String where, String what, String fix) {
        return id + " " + where + ": " + what + ". Fix: " + fix + ".";
    }

    // ---- functions: what becomes a function, names, parameters and results ----------------------

    /** {@code MIZAN-001}: two functions share a name. */
    public static String duplicateName(String where, String name, String otherWhere) {
        return format("MIZAN-001", where, "the function name '" + name + "' is also used by " + otherWhere,
                "give one of them another name with @Client(name = \"...\")");
    }

    /** {@code MIZAN-002}: a function name is not an identifier. */
    public static String nameNotIdentifier(String where, String name) {
        return format("MIZAN-002", where, "the function name '" + name + "' is not an identifier",
                "use letters, digits and '_' in @Client(name = ...), not starting with a digit");
    }

    /** {@code MIZAN-003}: a class-level {@code @Client} names a function, so every method would share the name. */
    public static String classLevelName(String className, String name) {
        return format("MIZAN-003", className, "@Client(name = \"" + name + "\") on a class would give every method"
                + " of the class the same function name", "remove name from the class's @Client and put"
                + " @Client(name = \"" + name + "\") on the one method that should have it");
    }

    /** {@code MIZAN-004}: a method-level {@code @Client} on a method that is not public, or is static. */
    public static String notPublicInstance(String where) {
        return format("MIZAN-004", where, "a @Client method must be public and not static",
                "make it a public instance method");
    }

    /**
     * {@code MIZAN-005}: a method-level {@code @Client} on a method the container calls for its own
     * purposes (a lifecycle callback, an initializer, an observer, a producer or disposer) or on an
     * override of an {@code Object} method.
     *
     * @param what what the method is, such as {@code "a @PostConstruct lifecycle callback"}
     */
    public static String notABusinessMethod(String where, String what) {
        return format("MIZAN-005", where, "@Client is on " + what + ", which cannot be a function",
                "remove @Client from it, and put the function in a public business method of its own");
    }

    /** {@code MIZAN-006}: the class was compiled without {@code -parameters}. */
    public static String missingParameterNames(String where) {
        return format("MIZAN-006", where, "parameter names are missing from the class file, so arguments cannot"
                + " bind by name", "compile with -parameters (maven-compiler-plugin: <parameters>true</parameters>)");
    }

    /** {@code MIZAN-007}: a parameter's type cannot be read from JSON. */
    public static String parameterNotJson(String where, String parameter, String reason) {
        return format("MIZAN-007", where, "parameter '" + parameter + "' cannot be read from JSON: " + reason,
                "use a type JSON-B can read: a record, an enum, a scalar, List<T>, Set<T>, Map<String, V>"
                        + " or Optional<T>");
    }

    /** {@code MIZAN-008}: a result type cannot be written as JSON. */
    public static String resultNotJson(String where, String reason) {
        return format("MIZAN-008", where, "its result cannot be sent as JSON: " + reason,
                "return a type JSON-B writes faithfully: a record, an enum, a scalar, List<T>, Set<T>,"
                        + " Map<String, V> or Optional<T>");
    }

    /**
     * {@code MIZAN-009}: {@code @Nullable} on a primitive, which can never be null.
     *
     * @param element {@code "parameter 'age'"}, {@code "its result"} or {@code "property 'age'"}
     */
    public static String nullablePrimitive(String where, String element, String type) {
        return format("MIZAN-009", where, element + " is marked @Nullable, but its type " + type
                + " is a primitive and can never be null", "use the wrapper type (" + wrapper(type)
                + ") or Optional, or remove @Nullable");
    }

    /** {@code MIZAN-010}: {@code @Nullable} on an {@code Optional}, which says the same thing twice. */
    public static String nullableOptional(String where, String element) {
        return format("MIZAN-010", where, element + " is an Optional marked @Nullable: a null Optional is a"
                + " second kind of absence", "remove @Nullable (an empty Optional already means no value)");
    }

    /** {@code MIZAN-011}: {@code @Nullable} and {@code @NotNull} on the same element. */
    public static String nullableAndNotNull(String where, String element) {
        return format("MIZAN-011", where, element + " is marked both @Nullable and @NotNull",
                "keep the one you mean");
    }

    // ---- access -----------------------------------------------------------------------------------

    /** {@code MIZAN-012}: {@code auth = Auth.PUBLIC} together with {@code roles}, which need a signed-in caller. */
    public static String publicWithRoles(String where) {
        return format("MIZAN-012", where, "@Client says auth = Auth.PUBLIC and also roles, which need a signed-in"
                + " caller", "remove auth = Auth.PUBLIC to require the roles, or remove roles to let everyone call");
    }

    /** {@code MIZAN-013}: more than one of {@code @RolesAllowed}, {@code @PermitAll}, {@code @DenyAll} on one element. */
    public static String conflictingSecurityAnnotations(String where, List<String> annotations) {
        return format("MIZAN-013", where, "it carries " + String.join(" and ", annotations) + " at once, which"
                + " Jakarta EE forbids", "keep the one you mean");
    }

    /** {@code MIZAN-014}: {@code check} names an interface or an abstract class. */
    public static String checkNotConcrete(String where, String check) {
        return format("MIZAN-014", where, "check = " + check + " is not a concrete class",
                "name a CDI bean class that implements io.mizan.AccessCheck");
    }

    /** {@code MIZAN-015}: {@code check} names a class that is not a CDI bean. */
    public static String checkNotBean(String where, String check) {
        return format("MIZAN-015", where, "check = " + check + " is not a CDI bean",
                "annotate it @ApplicationScoped (or another scope) so that it can be injected");
    }

    // ---- contexts and invalidation ----------------------------------------------------------------

    /** {@code MIZAN-016}: a GLOBAL context takes arguments. */
    public static String globalContextWithArguments(String where, List<String> arguments) {
        return format("MIZAN-016", where, "a GLOBAL context cannot take arguments, but it has " + arguments,
                "remove the parameters, or make it @Client(context = Scope.LOCAL)");
    }

    /** {@code MIZAN-017}: a LOCAL context takes a parameter that is not a scalar. */
    public static String contextParameterNotScalar(String where, String parameter) {
        return format("MIZAN-017", where, "the LOCAL context's parameter '" + parameter + "' is not a scalar"
                + " (a string, number, boolean, enum, UUID or date)", "pass scalar values (an id, not the whole object)");
    }

    /** {@code MIZAN-018}: a context returns a JAX-RS {@code Response}. */
    public static String contextOnViewPath(String where) {
        return format("MIZAN-018", where, "a context must return data, not a jakarta.ws.rs.core.Response",
                "return the value itself, or drop context = ...");
    }

    /** {@code MIZAN-019}: {@code affects} names no context. */
    public static String unknownAffects(String where, String affected, List<String> contexts) {
        return format("MIZAN-019", where, "affects = \"" + affected + "\" names no context (the contexts are "
                + (contexts.isEmpty() ? "none" : String.join(", ", contexts)) + ")",
                "name a method annotated @Client(context = Scope.GLOBAL or Scope.LOCAL)");
    }

    /**
     * {@code MIZAN-020}: a mutation's parameter shares its name with an affected context's parameter,
     * so it would scope the key, but it is not a scalar.
     */
    public static String scopingParameterNotScalar(String where, String parameter, String context) {
        return format("MIZAN-020", where, "parameter '" + parameter + "' has the name of a parameter of the"
                + " context '" + context + "' it affects, so it would scope the invalidation key, but it is not"
                + " a scalar (a string, number, boolean, enum, UUID or date)", "rename the parameter (the whole"
                + " context is then invalidated) or pass the scalar value");
    }

    // ---- settings (MicroProfile Config) -----------------------------------------------------------

    /** {@code MIZAN-021}: a boolean setting is neither true nor false. */
    public static String settingNotBoolean(String property, String value) {
        return format("MIZAN-021", property, "'" + value + "' is not a boolean", "set it to true or false");
    }

    /** {@code MIZAN-022}: a size setting is not a positive whole number. */
    public static String settingNotPositive(String property, String value) {
        return format("MIZAN-022", property, "'" + value + "' is not a positive whole number",
                "set it to a number of bytes, such as 1048576");
    }

    /** {@code MIZAN-023}: {@code mizan.auth.default} is neither public nor authenticated. */
    public static String defaultAuthUnknown(String value) {
        return format("MIZAN-023", "mizan.auth.default", "'" + value + "' is not a default rule",
                "set it to 'public' or 'authenticated'");
    }

    /** {@code MIZAN-024}: an entry of an origin setting is not an origin. */
    public static String notAnOrigin(String property, String entry, String reason) {
        return format("MIZAN-024", property, "'" + entry + "' is not an origin (" + reason + ")",
                "write scheme://host or scheme://host:port with http or https and no path,"
                        + " such as https://app.example.com");
    }

    /** {@code MIZAN-025}: a hydration path does not start with {@code /}. */
    public static String hydrationPathNotAbsolute(String entry) {
        return format("MIZAN-025", "mizan.hydration.paths", "'" + entry + "' is not a servlet URL pattern"
                + " starting with /", "write paths such as /index.html or /app/*");
    }

    /** {@code MIZAN-026}: {@code mizan.etag.key} is too short to be a secret. */
    public static String etagKeyTooShort(int length, int minimum) {
        return format("MIZAN-026", "mizan.etag.key", "the key has " + length + " characters, fewer than the "
                + minimum + " a secret needs", "set it to a random text of at least " + minimum
                + " characters (openssl rand -base64 32), the same on every node, or remove it");
    }

    // ---- the code generator: what it finds beyond the deployment problems above -------------------

    /**
     * {@code MIZAN-027}: a class declares functions but has no bean-defining annotation where
     * {@code bean-discovery-mode} is {@code annotated}, so the server never sees its functions.
     *
     * @param source where the mode comes from: a beans.xml, {@code --bean-discovery} or the default
     * @param beansXmlSaysSo whether the mode comes from a beans.xml, which then needs no
     *     {@code --bean-discovery all} beside it
     */
    public static String noBeanDefiningAnnotation(String className, String source, boolean beansXmlSaysSo) {
        return format("MIZAN-027", className, "declares @Client functions but is no CDI bean: it has no"
                + " bean-defining annotation, and bean-discovery-mode is annotated (" + source + "), so the"
                + " server never sees them (calls answer 404)", "annotate it @ApplicationScoped (or another"
                + " scope, a stereotype or @Stateless), or set bean-discovery-mode=\"all\" in the application's"
                + " beans.xml" + (beansXmlSaysSo ? "" : " and pass --bean-discovery all"));
    }

    /** {@code MIZAN-028}: a class declares functions where {@code bean-discovery-mode} is {@code none}. */
    public static String beanDiscoveryNone(String className, String source) {
        return format("MIZAN-028", className, "declares @Client functions but is no CDI bean, since " + source
                + " says bean-discovery-mode=\"none\", so the server never sees them (calls answer 404)",
                "set bean-discovery-mode=\"annotated\" there and annotate the class @ApplicationScoped");
    }

    /** {@code MIZAN-029}: a beans.xml is not XML, so its bean-discovery-mode is unknown. */
    public static String beansXmlUnreadable(String beansXml, String reason) {
        return format("MIZAN-029", beansXml, "cannot be read as beans.xml (" + reason + ")",
                "correct it, or say the bean-discovery-mode with --bean-discovery all|annotated");
    }

    /**
     * {@code MIZAN-030}: two things of the application would be exported under one name, which
     * {@code index.ts} re-exports.
     *
     * @param first what took the name first, such as {@code "the type com.example.UpdateArgs"}
     * @param second what takes it again
     */
    public static String generatedNameTakenTwice(String name, String first, String second) {
        return format("MIZAN-030", "index.ts", "the generated name '" + name + "' is taken twice: by " + first
                + " and by " + second, "rename one of them (a function with @Client(name = \"...\"))");
    }

    /** {@code MIZAN-031}: a function's name is a reserved word in TypeScript. */
    public static String functionNameReserved(String where, String name) {
        return format("MIZAN-031", where, "the function name '" + name + "' is a reserved word in TypeScript,"
                + " so api.ts cannot export it", "give it another name with @Client(name = \"...\")");
    }

    /** {@code MIZAN-032}: a type's name is a reserved word or a predefined type in TypeScript. */
    public static String typeNameReserved(String className, String name) {
        return format("MIZAN-032", className, "the type name '" + name + "' is a reserved word in TypeScript",
                "rename the class");
    }

    /** {@code MIZAN-033}: a class of the application cannot be loaded to be read. */
    public static String classNotLoadable(String className, String error) {
        return format("MIZAN-033", className, "cannot be loaded (" + error + ")",
                "add what it needs to --classpath");
    }

    /** {@code MIZAN-034}: a type that the application's classes use is missing while the model is built. */
    public static String typeNotLoadable(String error) {
        return format("MIZAN-034", "--classpath", "a type the application's classes use cannot be loaded ("
                + error + ")", "add it to --classpath");
    }

    /**
     * {@code MIZAN-035}: a view-path function (one returning a JAX-RS {@code Response}) is
     * {@code serverOnly}; JAX-RS calls it over HTTP, so nothing could keep browsers out.
     */
    public static String serverOnlyOnViewPath(String where) {
        return format("MIZAN-035", where, "serverOnly is set on a method that returns a jakarta.ws.rs.core.Response,"
                + " which JAX-RS answers over HTTP to anyone who may call it", "drop serverOnly and restrict it with"
                + " roles or check, or move the work into a serverOnly function that this method does not expose");
    }

    // ---- channels ----------------------------------------------------------------------------------

    /** {@code MIZAN-036}: a {@code @Channel} class does not implement {@code ChannelHandler}. */
    public static String channelWithoutHandler(String className) {
        return format("MIZAN-036", className, "@Channel is on a class that does not implement io.mizan.ChannelHandler",
                "implement ChannelHandler<P, M> with the join parameters' record P and the message type M");
    }

    /** {@code MIZAN-037}: a channel's name is not an identifier. */
    public static String channelNameNotIdentifier(String className, String name) {
        return format("MIZAN-037", className, "the channel name '" + name + "' is not an identifier",
                "use letters, digits and '_' in @Channel(\"...\"), not starting with a digit");
    }

    /** {@code MIZAN-038}: two channels share a name. */
    public static String duplicateChannel(String className, String name, String otherClassName) {
        return format("MIZAN-038", className, "the channel name '" + name + "' is also used by " + otherClassName,
                "give one of them another name in @Channel(\"...\")");
    }

    /** {@code MIZAN-039}: a handler does not name concrete parameter and message types. */
    public static String channelTypesNotConcrete(String className) {
        return format("MIZAN-039", className, "it does not implement ChannelHandler<P, M> with concrete types",
                "name the types where the class implements it: implements ChannelHandler<Room, ChatMessage>");
    }

    /** {@code MIZAN-040}: a channel's parameters are not a record. */
    public static String channelParamsNotRecord(String className, String paramsType) {
        return format("MIZAN-040", className, "its join parameters " + paramsType + " are not a (non-generic) record",
                "declare them as a record: record Room(@NotBlank String room) {}");
    }

    /** {@code MIZAN-041}: a channel's parameters or message type cannot travel as JSON. */
    public static String channelTypeNotJson(String className, String reason) {
        return format("MIZAN-041", className, "its parameters or messages cannot travel as JSON: " + reason,
                "use records, enums, strings, numbers, java.time types and collections of them");
    }

    // ---- call-time errors: MIZAN-100 and up ---------------------------------------------------------
    //
    // Reserved for errors reported while calls run (logged with an error id, never sent to the
    // client). They are added here, after this comment, in the same form as above.

    private static String wrapper(String primitive) {
        return switch (primitive) {
            case "int" -> "Integer";
            case "char" -> "Character";
            case "boolean", "byte", "short", "long", "float", "double" ->
                    Character.toUpperCase(primitive.charAt(0)) + primitive.substring(1);
            default -> "the wrapper class";
        };
    }
}
