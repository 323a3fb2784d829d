package io.mizan.messages;

import io.mizan.FieldError;
import io.mizan.MizanException;

import java.util.Collection;
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

    private Messages() {}

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
        return format(
                "MIZAN-001",
                where,
                "the function name '" + name + "' is also used by " + otherWhere,
                "give one of them another name with @Client(name = \"...\")");
    }

    /** {@code MIZAN-002}: a function name is not an identifier. */
    public static String nameNotIdentifier(String where, String name) {
        return format(
                "MIZAN-002",
                where,
                "the function name '" + name + "' is not an identifier",
                "use ASCII letters, digits and '_' in @Client(name = ...), not starting with a digit");
    }

    /** {@code MIZAN-003}: a class-level {@code @Client} names a function, so every method would share the name. */
    public static String classLevelName(String className, String name) {
        return format(
                "MIZAN-003",
                className,
                "@Client(name = \"" + name + "\") on a class would give every method"
                        + " of the class the same function name",
                "remove name from the class's @Client and put" + " @Client(name = \"" + name
                        + "\") on the one method that should have it");
    }

    /** {@code MIZAN-004}: a method-level {@code @Client} on a method that is not public, or is static. */
    public static String notPublicInstance(String where) {
        return format(
                "MIZAN-004",
                where,
                "a @Client method must be public and not static",
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
        return format(
                "MIZAN-005",
                where,
                "@Client is on " + what + ", which cannot be a function",
                "remove @Client from it, and put the function in a public business method of its own");
    }

    /** {@code MIZAN-006}: the class was compiled without {@code -parameters}. */
    public static String missingParameterNames(String where) {
        return format(
                "MIZAN-006",
                where,
                "parameter names are missing from the class file, so arguments cannot" + " bind by name",
                "compile with -parameters (maven-compiler-plugin: <parameters>true</parameters>)");
    }

    /** {@code MIZAN-007}: a parameter's type cannot be read from JSON. */
    public static String parameterNotJson(String where, String parameter, String reason) {
        return format(
                "MIZAN-007",
                where,
                "parameter '" + parameter + "' cannot be read from JSON: " + reason,
                "use a type JSON-B can read: a record, an enum, a scalar, List<T>, Set<T>, Map<String, V>"
                        + " or Optional<T>");
    }

    /**
     * {@code MIZAN-049}: a function's parameter or result has a type variable of a generic class that the bean
     * class leaves open ({@code T} of {@code Crud<T>}, extended raw).
     */
    public static String superclassTypeVariable(String where, String element, String variable, String declaredBy) {
        return format(
                "MIZAN-049",
                where,
                element + " has the type variable " + variable + " of " + declaredBy
                        + ", which the bean class leaves open (it extends the class raw, or is generic itself), so"
                        + " nothing says what it is",
                "extend the generic class with concrete type arguments (class Users extends Crud<User>)");
    }

    /**
     * {@code MIZAN-051}: constraints below a parameter or property that Bean Validation never checks, for want of
     * {@code @Valid} on it; the generated schemas would check them in the browser.
     */
    public static String constraintsNeverChecked(String where, String holder, String constrained) {
        return format(
                "MIZAN-051",
                where,
                "the constraint of " + constrained + " is never checked on the server: Bean Validation looks inside "
                        + holder + " only if it carries @Valid, while the generated schemas check it in the browser",
                "annotate " + holder + " with @Valid (on a List, Set, Map or Optional it reaches the elements)");
    }

    /** {@code MIZAN-008}: a result type cannot be written as JSON. */
    public static String resultNotJson(String where, String reason) {
        return format(
                "MIZAN-008",
                where,
                "its result cannot be sent as JSON: " + reason,
                "return a type JSON-B writes faithfully: a record, an enum, a scalar, List<T>, Set<T>,"
                        + " Map<String, V> or Optional<T>");
    }

    /**
     * {@code MIZAN-009}: {@code @Nullable} on a primitive, which can never be null.
     *
     * @param element {@code "parameter 'age'"}, {@code "its result"} or {@code "property 'age'"}
     */
    public static String nullablePrimitive(String where, String element, String type) {
        return format(
                "MIZAN-009",
                where,
                element + " is marked @Nullable, but its type " + type + " is a primitive and can never be null",
                "use the wrapper type (" + wrapper(type) + ") or Optional, or remove @Nullable");
    }

    /** {@code MIZAN-010}: {@code @Nullable} on an {@code Optional}, which says the same thing twice. */
    public static String nullableOptional(String where, String element) {
        return format(
                "MIZAN-010",
                where,
                element + " is an Optional marked @Nullable: a null Optional is a" + " second kind of absence",
                "remove @Nullable (an empty Optional already means no value)");
    }

    /** {@code MIZAN-011}: {@code @Nullable} and {@code @NotNull} on the same element. */
    public static String nullableAndNotNull(String where, String element) {
        return format("MIZAN-011", where, element + " is marked both @Nullable and @NotNull", "keep the one you mean");
    }

    // ---- access -----------------------------------------------------------------------------------

    /** {@code MIZAN-012}: {@code auth = Auth.PUBLIC} together with {@code roles}, which need a signed-in caller. */
    public static String publicWithRoles(String where) {
        return format(
                "MIZAN-012",
                where,
                "@Client says auth = Auth.PUBLIC and also roles, which need a signed-in" + " caller",
                "remove auth = Auth.PUBLIC to require the roles, or remove roles to let everyone call");
    }

    /** {@code MIZAN-013}: more than one of {@code @RolesAllowed}, {@code @PermitAll}, {@code @DenyAll} on one element. */
    public static String conflictingSecurityAnnotations(String where, List<String> annotations) {
        return format(
                "MIZAN-013",
                where,
                "it carries " + String.join(" and ", annotations) + " at once, which" + " Jakarta EE forbids",
                "keep the one you mean");
    }

    /** {@code MIZAN-014}: {@code check} names an interface or an abstract class. */
    public static String checkNotConcrete(String where, String check) {
        return format(
                "MIZAN-014",
                where,
                "check = " + check + " is not a concrete class",
                "name a CDI bean class that implements io.mizan.AccessCheck");
    }

    /** {@code MIZAN-015}: {@code check} names a class that is not a CDI bean. */
    public static String checkNotBean(String where, String check) {
        return format(
                "MIZAN-015",
                where,
                "check = " + check + " is not a CDI bean",
                "annotate it @ApplicationScoped (or another scope) so that it can be injected");
    }

    // ---- contexts and invalidation ----------------------------------------------------------------

    /** {@code MIZAN-016}: a GLOBAL context takes arguments. */
    public static String globalContextWithArguments(String where, List<String> arguments) {
        return format(
                "MIZAN-016",
                where,
                "a GLOBAL context cannot take arguments, but it has " + arguments,
                "remove the parameters, or make it @Client(context = Scope.LOCAL)");
    }

    /** {@code MIZAN-017}: a LOCAL context takes a parameter that is not a scalar. */
    public static String contextParameterNotScalar(String where, String parameter) {
        return format(
                "MIZAN-017",
                where,
                "the LOCAL context's parameter '" + parameter + "' is not a scalar"
                        + " (a string, number, boolean, enum, UUID or date)",
                "pass scalar values (an id, not the whole object)");
    }

    /** {@code MIZAN-018}: a context returns a JAX-RS {@code Response}. */
    public static String contextOnViewPath(String where) {
        return format(
                "MIZAN-018",
                where,
                "a context must return data, not a jakarta.ws.rs.core.Response",
                "return the value itself, or drop context = ...");
    }

    /** {@code MIZAN-019}: {@code affects} names no context. */
    public static String unknownAffects(String where, String affected, List<String> contexts) {
        return format(
                "MIZAN-019",
                where,
                "affects = \"" + affected + "\" names no context (the contexts are "
                        + (contexts.isEmpty() ? "none" : String.join(", ", contexts)) + ")",
                "name a method annotated @Client(context = Scope.GLOBAL or Scope.LOCAL)");
    }

    /**
     * {@code MIZAN-020}: a mutation's parameter shares its name with an affected context's parameter,
     * so it would scope the key, but it is not a scalar.
     */
    public static String scopingParameterNotScalar(String where, String parameter, String context) {
        return format(
                "MIZAN-020",
                where,
                "parameter '" + parameter + "' has the name of a parameter of the"
                        + " context '" + context + "' it affects, so it would scope the invalidation key, but it is not"
                        + " a scalar (a string, number, boolean, enum, UUID or date)",
                "rename the parameter (the whole" + " context is then invalidated) or pass the scalar value");
    }

    // ---- settings (MicroProfile Config) -----------------------------------------------------------

    /** {@code MIZAN-021}: a boolean setting is neither true nor false. */
    public static String settingNotBoolean(String property, String value) {
        return format("MIZAN-021", property, "'" + value + "' is not a boolean", "set it to true or false");
    }

    /** {@code MIZAN-022}: a size setting is not a positive whole number. */
    public static String settingNotPositive(String property, String value) {
        return format(
                "MIZAN-022",
                property,
                "'" + value + "' is not a positive whole number",
                "set it to a number of bytes, such as 1048576");
    }

    /** {@code MIZAN-023}: {@code mizan.auth.default} is neither public nor authenticated. */
    public static String defaultAuthUnknown(String value) {
        return format(
                "MIZAN-023",
                "mizan.auth.default",
                "'" + value + "' is not a default rule",
                "set it to 'public' or 'authenticated'");
    }

    /** {@code MIZAN-024}: an entry of an origin setting is not an origin. */
    public static String notAnOrigin(String property, String entry, String reason) {
        return format(
                "MIZAN-024",
                property,
                "'" + entry + "' is not an origin (" + reason + ")",
                "write scheme://host or scheme://host:port with http or https and no path,"
                        + " such as https://app.example.com");
    }

    /** {@code MIZAN-025}: a hydration path does not start with {@code /}. */
    public static String hydrationPathNotAbsolute(String entry) {
        return format(
                "MIZAN-025",
                "mizan.hydration.paths",
                "'" + entry + "' is not a servlet URL pattern" + " starting with /",
                "write paths such as /index.html or /app/*");
    }

    /** {@code MIZAN-026}: {@code mizan.etag.key} is too short to be a secret. */
    public static String etagKeyTooShort(int length, int minimum) {
        return format(
                "MIZAN-026",
                "mizan.etag.key",
                "the key has " + length + " characters, fewer than the " + minimum + " a secret needs",
                "set it to a random text of at least " + minimum
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
        return format(
                "MIZAN-027",
                className,
                "declares @Client functions but is no CDI bean: it has no"
                        + " bean-defining annotation, and bean-discovery-mode is annotated (" + source + "), so the"
                        + " server never sees them (calls answer 404)",
                "annotate it @ApplicationScoped (or another"
                        + " scope, a stereotype or @Stateless), or set bean-discovery-mode=\"all\" in the application's"
                        + " beans.xml" + (beansXmlSaysSo ? "" : " and pass --bean-discovery all"));
    }

    /** {@code MIZAN-028}: a class declares functions where {@code bean-discovery-mode} is {@code none}. */
    public static String beanDiscoveryNone(String className, String source) {
        return format(
                "MIZAN-028",
                className,
                "declares @Client functions but is no CDI bean, since " + source
                        + " says bean-discovery-mode=\"none\", so the server never sees them (calls answer 404)",
                "set bean-discovery-mode=\"annotated\" there and annotate the class @ApplicationScoped");
    }

    /** {@code MIZAN-029}: a beans.xml is not XML, so its bean-discovery-mode is unknown. */
    public static String beansXmlUnreadable(String beansXml, String reason) {
        return format(
                "MIZAN-029",
                beansXml,
                "cannot be read as beans.xml (" + reason + ")",
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
        return format(
                "MIZAN-030",
                "index.ts",
                "the generated name '" + name + "' is taken twice: by " + first + " and by " + second,
                "rename one of them (a function with @Client(name = \"...\"), a form with @Form(name = \"...\"), a type"
                        + " or a channel by renaming its class)");
    }

    /** {@code MIZAN-031}: a function's name is a reserved word in TypeScript. */
    public static String functionNameReserved(String where, String name) {
        return format(
                "MIZAN-031",
                where,
                "the function name '" + name + "' is a reserved word in TypeScript," + " so api.ts cannot export it",
                "give it another name with @Client(name = \"...\")");
    }

    /** {@code MIZAN-050}: a local context's parameter is named like a prop React keeps for itself. */
    public static String providerPropTaken(String where, String parameter, String provider) {
        return format(
                "MIZAN-050",
                where,
                "the local context's parameter '" + parameter + "' is a prop React keeps for itself, so <" + provider
                        + " " + parameter + "={...}> would never pass it on",
                "rename the parameter (not key, children or ref)");
    }

    /** {@code MIZAN-032}: a type's name is a reserved word or a predefined type in TypeScript. */
    public static String typeNameReserved(String className, String name) {
        return format(
                "MIZAN-032",
                className,
                "the type name '" + name + "' is a reserved word in TypeScript",
                "rename the class");
    }

    /** {@code MIZAN-033}: a class of the application cannot be loaded to be read. */
    public static String classNotLoadable(String className, String error) {
        return format("MIZAN-033", className, "cannot be loaded (" + error + ")", "add what it needs to --classpath");
    }

    /** {@code MIZAN-034}: a type that the application's classes use is missing while the model is built. */
    public static String typeNotLoadable(String error) {
        return format(
                "MIZAN-034",
                "--classpath",
                "a type the application's classes use cannot be loaded (" + error + ")",
                "add it to --classpath");
    }

    /**
     * {@code MIZAN-035}: a view-path function (one returning a JAX-RS {@code Response}) is
     * {@code serverOnly}; JAX-RS calls it over HTTP, so nothing could keep browsers out.
     */
    public static String serverOnlyOnViewPath(String where) {
        return format(
                "MIZAN-035",
                where,
                "serverOnly is set on a method that returns a jakarta.ws.rs.core.Response,"
                        + " which JAX-RS answers over HTTP to anyone who may call it",
                "drop serverOnly and restrict it with"
                        + " roles or check, or move the work into a serverOnly function that this method does not expose");
    }

    // ---- channels ----------------------------------------------------------------------------------

    /** {@code MIZAN-036}: a {@code @Channel} class does not implement {@code ChannelHandler}. */
    public static String channelWithoutHandler(String className) {
        return format(
                "MIZAN-036",
                className,
                "@Channel is on a class that does not implement io.mizan.ChannelHandler",
                "implement ChannelHandler<P, M> with the join parameters' record P and the message type M");
    }

    /** {@code MIZAN-037}: a channel's name is not an identifier. */
    public static String channelNameNotIdentifier(String className, String name) {
        return format(
                "MIZAN-037",
                className,
                "the channel name '" + name + "' is not an identifier",
                "use letters, digits and '_' in @Channel(\"...\"), not starting with a digit");
    }

    /** {@code MIZAN-038}: two channels share a name. */
    public static String duplicateChannel(String className, String name, String otherClassName) {
        return format(
                "MIZAN-038",
                className,
                "the channel name '" + name + "' is also used by " + otherClassName,
                "give one of them another name in @Channel(\"...\")");
    }

    /** {@code MIZAN-039}: a handler does not name concrete parameter and message types. */
    public static String channelTypesNotConcrete(String className) {
        return format(
                "MIZAN-039",
                className,
                "it does not implement ChannelHandler<P, M> with concrete types",
                "name the types where the class implements it: implements ChannelHandler<Room, ChatMessage>");
    }

    /** {@code MIZAN-040}: a channel's parameters are not a record. */
    public static String channelParamsNotRecord(String className, String paramsType) {
        return format(
                "MIZAN-040",
                className,
                "its join parameters " + paramsType + " are not a (non-generic) record",
                "declare them as a record: record Room(@NotBlank String room) {}");
    }

    /** {@code MIZAN-041}: a channel's parameters or message type cannot travel as JSON. */
    public static String channelTypeNotJson(String className, String reason) {
        return format(
                "MIZAN-041",
                className,
                "its parameters or messages cannot travel as JSON: " + reason,
                "use records, enums, strings, numbers, java.time types and collections of them");
    }

    /** {@code MIZAN-042}: {@code mizan.channels.path} does not start with {@code /}. */
    public static String channelsPathNotAbsolute(String path) {
        return format(
                "MIZAN-042",
                "mizan.channels.path",
                "'" + path + "' does not start with /",
                "write a path under the context root, such as /mizan/ws");
    }

    /** {@code MIZAN-043}: {@code mizan.channels.redis.uri} is not a Redis URI. */
    public static String redisUriNotRedis(String redactedUri) {
        return format(
                "MIZAN-043",
                "mizan.channels.redis.uri",
                "'" + redactedUri + "' is not a Redis URI",
                "write redis://[:password@]host[:port][/database], or rediss://... for TLS");
    }

    /** {@code MIZAN-044}: {@code mizan.channels.redis.uri} is set but the Redis client is not in the application. */
    public static String redisClientMissing() {
        return format(
                "MIZAN-044",
                "mizan.channels.redis.uri",
                "it is set, but Lettuce (io.lettuce:lettuce-core), the Redis client, is not in the application",
                "keep the dependency Mizan brings (do not exclude it), or add io.lettuce:lettuce-core 6.5");
    }

    /** {@code MIZAN-045}: a form's name is not an identifier. */
    public static String formNameNotIdentifier(String where, String name) {
        return format(
                "MIZAN-045",
                where,
                "the form name '" + name + "' is not an identifier",
                "use letters, digits and _, not starting with a digit: @Form(name = \"contact\")");
    }

    /** {@code MIZAN-046}: a form handler does not take exactly one record (besides injected parameters). */
    public static String formNotOneRecord(String where) {
        return format(
                "MIZAN-046",
                where,
                "a @Form method takes the form as one record parameter (and injected ones: Principal,"
                        + " SecurityContext, HttpServletRequest)",
                "declare the fields as a record and take it: public Sent contact(ContactForm form)");
    }

    /** {@code MIZAN-047}: a method carries both {@code @Form} and {@code @Client}. */
    public static String formAndClient(String where) {
        return format(
                "MIZAN-047",
                where,
                "it is both a @Form and a @Client function",
                "keep @Form: its submit is a function already (<name>.submit); put auth, roles, check and affects on @Form");
    }

    /** {@code MIZAN-048}: two forms share a name. */
    public static String duplicateForm(String where, String name, String other) {
        return format(
                "MIZAN-048",
                where,
                "the form name '" + name + "' is taken by " + other,
                "give one of them another name");
    }

    /** {@code MIZAN-060}: {@code mizan.telemetry.metrics} names no way to record metrics. */
    public static String telemetryMetricsSetting(String value) {
        return format(
                "MIZAN-060",
                "mizan.telemetry.metrics",
                "'" + value + "' is not auto, microprofile, opentelemetry or none",
                "set it to one of them, or leave it out (auto)");
    }

    // ---- call-time errors: MIZAN-100 and up ---------------------------------------------------------
    //
    // Errors reported while calls run. An error the caller gets is a MizanException whose code is
    // the id and whose message, the problem's detail, is the caller's text without the id; a log
    // line starts with its id. Numbered by kind: 100 requests, 111 the JSON body, 120 the server's
    // own failures, 125 batches, 130 arguments, 140 access, 150 hydration, 160 Invalidator.

    private static MizanException refusal(String id, int status, String detail) {
        return new MizanException(status, id, detail, List.of());
    }

    // requests: routing, origin, media type, size

    /** {@code MIZAN-100}: 404, a call names no server function (or a method that is no function). */
    public static MizanException unknownFunction(String name) {
        return refusal("MIZAN-100", 404, "There is no server function named '" + name + "'");
    }

    /** {@code MIZAN-101}: 404, a context read names no context. */
    public static MizanException unknownContext(String name) {
        return refusal("MIZAN-101", 404, "There is no context named '" + name + "'");
    }

    /** {@code MIZAN-102}: 404, a path under the base that is no endpoint. */
    public static MizanException noEndpoint(String path) {
        return refusal("MIZAN-102", 404, "There is no Mizan endpoint at '" + path + "'");
    }

    /**
     * {@code MIZAN-103}: 405, an endpoint asked with a method it does not answer.
     *
     * @param method the method to use instead, such as {@code POST}
     */
    public static MizanException wrongMethod(String method) {
        return refusal("MIZAN-103", 405, "Use " + method + " on this endpoint");
    }

    /**
     * {@code MIZAN-104}: 404, the manifest or the schema is switched off.
     *
     * @param document {@code "manifest"} or {@code "schema"}
     * @param property the setting that switched it off, such as {@code mizan.schema.enabled}
     */
    public static MizanException documentSwitchedOff(String document, String property) {
        return refusal("MIZAN-104", 404, "The " + document + " is switched off (" + property + "=false)");
    }

    /** {@code MIZAN-105}: 403, a request from an origin that is neither the server's own nor allowed. */
    public static MizanException foreignOrigin(String origin) {
        return refusal(
                "MIZAN-105",
                403,
                "Requests from " + origin + " are not allowed;"
                        + " list the origin in mizan.allowed-origins to allow it");
    }

    /**
     * {@code MIZAN-106}: 415, a call body that is not {@code application/json}.
     *
     * @param mediaType the type that was sent ({@code text/plain}), or {@code null} when it was none or unreadable
     */
    public static MizanException notJsonMediaType(String mediaType) {
        return refusal(
                "MIZAN-106",
                415,
                "Send the arguments as application/json" + (mediaType == null ? "" : ", not " + mediaType));
    }

    /** {@code MIZAN-107}: 415, a JSON call body in a charset other than UTF-8. */
    public static MizanException notUtf8Charset() {
        return refusal("MIZAN-107", 415, "Send the arguments as UTF-8");
    }

    /**
     * {@code MIZAN-128}: 415, a body in a content coding ({@code Content-Encoding: gzip}): Mizan reads bodies as
     * they are sent, and would otherwise read compressed bytes as JSON.
     */
    public static MizanException contentEncoded(String coding) {
        return refusal("MIZAN-128", 415, "Send the body without a Content-Encoding, not in '" + coding + "'");
    }

    /**
     * {@code MIZAN-147}: 501, a {@code Transfer-Encoding} other than {@code chunked}: the server cannot tell
     * where the body ends, and what it took for the next request would be the body's rest.
     */
    public static MizanException transferEncodingNotChunked(String coding) {
        return refusal(
                "MIZAN-147",
                501,
                "The Transfer-Encoding '" + coding + "' is not supported: send a Content-Length, or chunked");
    }

    /** {@code MIZAN-108}: 413, a call body over {@code mizan.max-body-bytes}. */
    public static MizanException bodyTooLarge(long limit) {
        return refusal("MIZAN-108", 413, "The body is larger than " + limit + " bytes");
    }

    /** {@code MIZAN-109}: 400, a {@code Content-Length} header that is not a number. */
    public static MizanException contentLengthNotANumber() {
        return refusal("MIZAN-109", 400, "The Content-Length header is not a number");
    }

    /** {@code MIZAN-110}: 400, the body broke off while it was read. */
    public static MizanException bodyUnreadable() {
        return refusal("MIZAN-110", 400, "The body could not be read");
    }

    /**
     * {@code MIZAN-124}: 400, a {@code Content-Type}, {@code Accept} or {@code Accept-Language} header that is
     * not well-formed (RFC 9110), or a second {@code Content-Type}; JAX-RS cannot parse it.
     */
    public static MizanException malformedHeader(String header) {
        return refusal("MIZAN-124", 400, "The " + header + " header is malformed");
    }

    // the JSON body

    /** {@code MIZAN-111}: 400, the body is not well-formed JSON. */
    public static MizanException invalidJson() {
        return refusal("MIZAN-111", 400, "What was sent is not valid JSON");
    }

    /** {@code MIZAN-112}: 400, the body is not UTF-8. */
    public static MizanException invalidUtf8() {
        return refusal("MIZAN-112", 400, "What was sent is not valid UTF-8");
    }

    /** {@code MIZAN-113}: 400, the body is well-formed JSON but not an object. */
    public static MizanException bodyNotAnObject() {
        return refusal("MIZAN-113", 400, "The body must be a JSON object of arguments by name");
    }

    /** {@code MIZAN-114}: 400, something follows the body's JSON object. */
    public static MizanException trailingData() {
        return refusal("MIZAN-114", 400, "There is data after the JSON object");
    }

    /** {@code MIZAN-115}: 400, a key appears twice in one object. */
    public static MizanException duplicateKey(String key) {
        return refusal("MIZAN-115", 400, "The key '" + key + "' appears twice in one object");
    }

    /** {@code MIZAN-116}: 400, arrays and objects nest deeper than the limit. */
    public static MizanException nestingTooDeep(int maxDepth) {
        return refusal("MIZAN-116", 400, "Arrays and objects nest deeper than " + maxDepth + " levels");
    }

    /** {@code MIZAN-117}: 400, a number's text is longer than the limit. */
    public static MizanException numberTooLong(int maxLength) {
        return refusal("MIZAN-117", 400, "A number has more than " + maxLength + " characters");
    }

    /** {@code MIZAN-118}: 400, a number's exponent is beyond the limit. */
    public static MizanException exponentTooLarge(int maxExponent) {
        return refusal("MIZAN-118", 400, "A number has an exponent beyond " + maxExponent);
    }

    /**
     * {@code MIZAN-119}: 400, a string holds a {@code \}u escape of a surrogate (D800 to DFFF) that is not half
     * of a pair: no character, so no UTF-8 encodes it (I-JSON, RFC 7493, refuses it for that reason).
     */
    public static MizanException loneSurrogate() {
        return refusal("MIZAN-119", 400, "A string escapes half of a surrogate pair, which is no character");
    }

    // the server's own failures (500)

    /**
     * {@code MIZAN-120}, logged: a result holds a {@code null} where the model, and so the client's
     * types, say there is never one. The caller gets {@link #serverFailed} with an error id.
     *
     * @param path where the null is, such as {@code weekly.result.title}
     */
    public static String resultNull(String where, String path) {
        return "MIZAN-120 " + path + " is null, but the type of " + where + " says it never is."
                + " Fix: return a value there, or declare it Optional or @Nullable so that clients expect null.";
    }

    /**
     * {@code MIZAN-121}: 500, the answer to a call that failed unexpectedly: only the error id under
     * which {@link #failureLogged} wrote the cause.
     */
    public static MizanException serverFailed(String errorId) {
        return refusal(
                "MIZAN-121", 500, "The server failed to answer. Quote error id " + errorId + " when reporting it.");
    }

    /**
     * {@code MIZAN-122}, logged with the exception: a call failed unexpectedly.
     *
     * @param what what failed, such as {@code "the call of rename"}
     */
    public static String failureLogged(String what, String errorId) {
        return "MIZAN-122 " + what + " failed, error id " + errorId;
    }

    // batches

    /** {@code MIZAN-125}: 413, a batch with more entries than {@code mizan.batch.max-entries}. */
    public static MizanException batchTooLarge(int entries, int limit) {
        return refusal(
                "MIZAN-125",
                413,
                "The batch has " + entries + " entries; send at most " + limit
                        + " (mizan.batch.max-entries), or split it");
    }

    /** {@code MIZAN-126}: 400, a batch body that is not {@code {"batch":[entries]}}. */
    public static MizanException batchNotAList() {
        return refusal("MIZAN-126", 400, "The body must be {\"batch\":[...]}, a list of calls and context reads");
    }

    /**
     * {@code MIZAN-127}: 400, one entry of a batch is malformed: not an object, not exactly one of
     * {@code call} and {@code ctx}, or arguments or parameters of the wrong shape. Answered for that
     * entry alone.
     */
    public static MizanException batchEntryMalformed(int index, String what) {
        return refusal("MIZAN-127", 400, "Batch entry " + index + " is malformed: " + what);
    }

    // arguments

    /**
     * {@code MIZAN-130}: 400, the body names arguments the function does not take.
     *
     * @param unknown the names as sent; the message lists a few of them
     * @param takes the function's arguments
     */
    public static MizanException unknownArguments(
            String function, Collection<String> unknown, Collection<String> takes) {
        return refusal(
                "MIZAN-130",
                400,
                (unknown.size() == 1 ? "Unknown argument " : "Unknown arguments ")
                        + quotedSent(unknown) + " for " + function + "; "
                        + (takes.isEmpty() ? "it takes none" : "it takes " + quoted(takes)));
    }

    /**
     * {@code MIZAN-129}: 400, an object inside an argument has properties its type does not have.
     *
     * @param path the argument's name, then properties and indexes: {@code signup.address}
     * @param unknown the names as sent; the message lists a few of them
     * @param has the type's properties
     */
    public static MizanException unknownProperties(String path, Collection<String> unknown, Collection<String> has) {
        return refusal(
                "MIZAN-129",
                400,
                (unknown.size() == 1 ? "Unknown property " : "Unknown properties ")
                        + quotedSent(unknown) + " in argument '" + path + "'; "
                        + (has.isEmpty() ? "it has none" : "it has " + quoted(has)));
    }

    /** {@code MIZAN-131}: 400, arguments that may not be left out are left out. */
    public static MizanException missingArguments(String function, Collection<String> missing) {
        return refusal(
                "MIZAN-131",
                400,
                (missing.size() == 1 ? "Missing argument " : "Missing arguments ") + quoted(missing) + " for "
                        + function);
    }

    /**
     * {@code MIZAN-132}: 400, a property inside an argument that may not be left out is left out.
     *
     * @param path the argument's name, then properties and indexes: {@code signup.address.city}
     */
    public static MizanException propertyMissing(String path) {
        return refusal("MIZAN-132", 400, "Argument '" + path + "' is missing");
    }

    /** {@code MIZAN-133}: 400, {@code null} for an argument, or inside one, that is neither Optional nor @Nullable. */
    public static MizanException argumentNull(String path) {
        return refusal("MIZAN-133", 400, "Argument '" + path + "' must not be null");
    }

    /**
     * {@code MIZAN-134}: 400, an argument, or a value inside one, has the wrong JSON type or shape.
     *
     * @param expected what it must be, in JSON's terms: {@code "a string"}, {@code "one of 'FREE', 'PRO'"}
     */
    public static MizanException argumentWrongType(String path, String expected) {
        return refusal("MIZAN-134", 400, "Argument '" + path + "' must be " + expected);
    }

    /** {@code MIZAN-135}: 400, a context read's query parameter is given more than once. */
    public static MizanException queryParameterRepeated(String name, int times) {
        return refusal("MIZAN-135", 400, "The parameter '" + name + "' is given " + times + " times");
    }

    /**
     * {@code MIZAN-138}: 400, a context read's query string has a malformed {@code %} escape, escapes
     * whose bytes are not UTF-8, or a character that is not printable ASCII (sent unescaped).
     */
    public static MizanException malformedQuery() {
        return refusal(
                "MIZAN-138",
                400,
                "The query string has a malformed %-escape, one that is not UTF-8, or a character left unescaped");
    }

    /**
     * {@code MIZAN-123}: 400, a request names its session in the URL ({@code ;jsessionid=}): a session
     * id there has none of the cookie's guards and leaks through logs and {@code Referer}.
     */
    public static MizanException sessionIdInUrl() {
        return refusal(
                "MIZAN-123",
                400,
                "A session id in the URL (;jsessionid=) is not accepted; the session travels in its cookie");
    }

    /** {@code MIZAN-139}: 400, a context read's query string has a parameter without a name ({@code ?=x}). */
    public static MizanException queryParameterWithoutName() {
        return refusal("MIZAN-139", 400, "The query string has a parameter without a name");
    }

    /**
     * {@code MIZAN-136}: 400, a context read's query parameter cannot be read as its type.
     *
     * @param expected {@code "true or false"} or {@code "a number"}
     */
    public static MizanException queryParameterWrongType(String name, String expected) {
        return refusal("MIZAN-136", 400, "The parameter '" + name + "' must be " + expected);
    }

    /** {@code MIZAN-137}: 422, arguments fail Bean Validation; the field errors name the paths. */
    public static MizanException argumentsNotValid(List<FieldError> errors) {
        return new MizanException(422, "MIZAN-137", "Some arguments are not valid", errors);
    }

    // access

    /** {@code MIZAN-140}: 401, the function needs a signed-in caller and there is none. */
    public static MizanException signInRequired(String function) {
        return refusal("MIZAN-140", 401, "Sign in to call " + function);
    }

    /**
     * {@code MIZAN-143}: 401, a sign-in with a wrong user name or password; which of the two is never
     * said. The error is on the password field, where a form shows it.
     */
    public static MizanException signInRefused() {
        return new MizanException(
                401,
                "MIZAN-143",
                "The user name or password is wrong",
                List.of(new FieldError("password", "The user name or password is wrong")));
    }

    /** {@code MIZAN-144}: 429, too many failed sign-ins for this user name or from this client; with Retry-After. */
    public static MizanException signInThrottled(java.time.Duration wait) {
        return refusal("MIZAN-144", 429, "Too many failed sign-ins; try again later")
                .retryAfter(wait);
    }

    /**
     * {@code MIZAN-145}, logged: a valid credential was not signed in by the application's mechanism;
     * it takes no credential from {@code SecurityContext.authenticate} (BASIC reads only its header).
     */
    public static String mechanismRefusedCredential(String status) {
        return "MIZAN-145 auth.login: the identity stores accept the credential, but the application's"
                + " authentication mechanism did not sign the caller in (" + status + "). Fix: use a form or"
                + " custom-form mechanism (@CustomFormAuthenticationMechanismDefinition), or one of your own that"
                + " takes the credential of SecurityContext.authenticate";
    }

    /**
     * {@code MIZAN-146}, logged at start on WildFly: the session cookie will carry no {@code SameSite},
     * since Undertow ignores that attribute of {@code SessionCookieConfig}.
     */
    public static String sessionCookieWithoutSameSite() {
        return "MIZAN-146 mizan.auth.functions is on, but this server (Undertow) ignores the SameSite attribute"
                + " of the session cookie's configuration, so the session cookie is sent without SameSite=Lax."
                + " Fix: add WEB-INF/undertow-handlers.conf with the line samesite-cookie(mode=Lax)";
    }

    /** {@code MIZAN-141}: 403, the caller lacks the role, the function denies all, or its check refuses. */
    public static MizanException notAllowed(String function) {
        return refusal("MIZAN-141", 403, "You may not call " + function);
    }

    /** {@code MIZAN-142}: 403, a client calls a {@code serverOnly} function. */
    public static MizanException serverOnly(String function) {
        return refusal("MIZAN-142", 403, function + " can only be called by server code");
    }

    // hydration: a failing context is left out, and the page is served

    /** {@code MIZAN-150}, logged with the exception: a global context's access check failed while hydrating. */
    public static String hydrationCheckFailed(String where) {
        return "MIZAN-150 " + where + ": the access check of the global context failed while hydrating;"
                + " the context is left out of the page";
    }

    /** {@code MIZAN-151}, logged with the exception: a global context failed while hydrating. */
    public static String hydrationContextFailed(String where) {
        return "MIZAN-151 " + where + ": the global context failed while hydrating; it is left out of the page";
    }

    /**
     * {@code MIZAN-152}, logged with the exception: a context's access check failed while deciding
     * whether a socket hears of its invalidation; that socket is not told.
     */
    public static String liveInvalidationCheckFailed(String where) {
        return "MIZAN-152 " + where + ": the access check failed while deciding live invalidation;"
                + " the socket is not told of this context";
    }

    /** {@code MIZAN-153}, logged with the exception: an observer of {@code Invalidated} failed; the call stands. */
    public static String invalidatedObserverFailed(java.util.List<String> keys) {
        return "MIZAN-153 an observer of Invalidated failed for the keys " + keys + "; the call that made them stands";
    }

    // Invalidator: mistakes in keys added by hand, thrown into the caller's code

    /** {@code MIZAN-160}: {@code Invalidator.invalidate} names no context. */
    public static String invalidateUnknownContext(String context, List<String> contexts) {
        return format(
                "MIZAN-160",
                "invalidate(\"" + context + "\")",
                "'" + context + "' names no context (the" + " contexts are "
                        + (contexts.isEmpty() ? "none" : String.join(", ", contexts)) + ")",
                "name a method annotated @Client(context = Scope.GLOBAL or Scope.LOCAL)");
    }

    /** {@code MIZAN-161}: {@code Invalidator.invalidate} scopes a key by a parameter the context does not have. */
    public static String invalidateUnknownParameter(String context, String parameter, List<String> parameters) {
        return format(
                "MIZAN-161",
                "invalidate(\"" + context + "\")",
                "the context has no parameter '" + parameter + "' (its parameters are "
                        + (parameters.isEmpty() ? "none" : String.join(", ", parameters)) + ")",
                "scope the key by the context's own parameter names");
    }

    /** {@code MIZAN-162}: a value that scopes an invalidation key is not a scalar. */
    public static String keyValueNotScalar(String type) {
        return format(
                "MIZAN-162",
                "invalidate",
                "a " + type + " cannot scope an invalidation key",
                "pass a string, number, boolean, enum, UUID or date");
    }

    // channels: frames on the page's WebSocket

    /** {@code MIZAN-170}: 400, a frame lacks a field it needs or names an unknown op. */
    public static MizanException badFrame(String what) {
        return refusal("MIZAN-170", 400, what);
    }

    /** {@code MIZAN-171}: 404, a join names no channel. */
    public static MizanException unknownChannel(String name) {
        return refusal("MIZAN-171", 404, "There is no channel named '" + name + "'");
    }

    /** {@code MIZAN-172}: 404, a send or leave names a ref that is not joined. */
    public static MizanException unknownRef(String ref) {
        return refusal("MIZAN-172", 404, "Nothing is joined as '" + ref + "'");
    }

    /** {@code MIZAN-173}: 409, a join uses a ref that is joined already. */
    public static MizanException refInUse(String ref) {
        return refusal("MIZAN-173", 409, "'" + ref + "' is joined already; use another ref");
    }

    /** {@code MIZAN-174}: 401, a channel refuses an anonymous socket. */
    public static MizanException channelNeedsSignIn(String channel) {
        return refusal("MIZAN-174", 401, "Sign in to join " + channel);
    }

    /** {@code MIZAN-175}: 403, a channel's {@code authorize} refuses the join. */
    public static MizanException channelRefused(String channel) {
        return refusal("MIZAN-175", 403, "You may not join " + channel);
    }

    /** {@code MIZAN-176}: 429, a socket has as many joins as it may. */
    public static MizanException tooManyJoins(int limit) {
        return refusal("MIZAN-176", 429, "A socket may join " + limit + " channels at most");
    }

    /** {@code MIZAN-177}: 429, a socket sends more messages a second than it may. */
    public static MizanException tooManyMessages(int limit) {
        return refusal("MIZAN-177", 429, "A socket may send " + limit + " messages a second at most");
    }

    // MIZAN-178 (405, the channel takes no messages) is thrown by ChannelHandler.receive's default:
    // the public API depends on no implementation package, so its text lives there.

    /** {@code MIZAN-183}: 422, a form fails Bean Validation; paths are the form's fields. */
    public static MizanException formNotValid(List<FieldError> errors) {
        return new MizanException(422, "MIZAN-183", "The form is not valid", errors);
    }

    /** {@code MIZAN-179}: 422, a join's parameters or a message fail Bean Validation. */
    public static MizanException channelValueNotValid(String what, List<FieldError> errors) {
        return new MizanException(422, "MIZAN-179", "The " + what + " are not valid", errors);
    }

    /** {@code MIZAN-180}, logged: a frame could not be delivered to a socket whose queue is full; it is closed. */
    public static String sendQueueFull(String socket, int capacity) {
        return "MIZAN-180 the socket " + socket + " stopped reading: its " + capacity + " queued frames are not sent;"
                + " it is closed (1013)";
    }

    /** {@code MIZAN-181}, logged at start: the server has no WebSocket container; channels are off. */
    public static String noWebSocketContainer() {
        return "MIZAN-181 this server offers no WebSocket container; channels and live invalidation are off";
    }

    /** {@code MIZAN-182}, logged at start with the exception: the WebSocket endpoint could not be registered. */
    public static String endpointNotRegistered(String path) {
        return "MIZAN-182 the WebSocket endpoint could not be registered at " + path
                + "; channels and live invalidation are off";
    }

    // ---- many nodes: MIZAN-190 and up, logged --------------------------------------------------------

    /** {@code MIZAN-190}, logged at start: this node relays channels through Redis. */
    public static String relayStarted(String redactedUri, String prefix, String node) {
        return "MIZAN-190 channels, presence and live invalidation are shared with the other nodes through "
                + redactedUri + " (prefix '" + prefix + "', this node " + node + ")";
    }

    /** {@code MIZAN-191}, logged once per outage: Redis cannot be reached; this node serves alone meanwhile. */
    public static String relayLost(String redactedUri, String reason) {
        return "MIZAN-191 Redis at " + redactedUri + " cannot be reached (" + reason + "); this node serves its"
                + " own sockets meanwhile and reconnects with backoff; what other nodes send until then is lost";
    }

    /** {@code MIZAN-192}, logged: Redis is reached again; the node resubscribed and its pages resync. */
    public static String relayBack(String redactedUri, long gapMillis) {
        return "MIZAN-192 Redis at " + redactedUri + " is reached again after " + gapMillis
                + " ms; resubscribed, presence reloaded, open pages told to resync";
    }

    /** {@code MIZAN-193}, logged: a payload on the application's Redis channel could not be read; it is skipped. */
    public static String relayPayloadUnreadable(String reason) {
        return "MIZAN-193 a payload on the Redis channel could not be read and is skipped: " + reason
                + "; do two applications share the prefix? Set mizan.channels.redis.prefix";
    }

    /** {@code MIZAN-194}, logged once: events from other nodes arrive faster than this node applies them. */
    public static String relayBacklogFull(int capacity) {
        return "MIZAN-194 " + capacity + " events from other nodes wait to be applied; newer ones are dropped"
                + " and open pages told to resync";
    }

    /**
     * {@code MIZAN-196}, logged: this node's key had expired though Redis stayed reachable (the node
     * paused longer than its time to live); its members are announced again and its pages resync.
     */
    public static String relayNodeLapsed(int ttlSeconds) {
        return "MIZAN-196 this node was silent longer than mizan.channels.redis.node-ttl-seconds (" + ttlSeconds
                + " s: a long pause?), so the other nodes had dropped its members; they are announced again and"
                + " open pages resync";
    }

    /** {@code MIZAN-195}, logged: the presence of the other nodes could not be read from Redis. */
    public static String relayPresenceNotLoaded(String reason) {
        return "MIZAN-195 the presence of the other nodes could not be read from Redis (" + reason
                + "); it is read again when Redis is reached";
    }

    // ---- the server's OpenAPI document: MIZAN-200 and up, logged -----------------------------------

    /** {@code MIZAN-200}, logged with the exception: the application's own OpenAPI filter could not be created. */
    public static String openApiFilterNotCreated(String className) {
        return "MIZAN-200 the application's mp.openapi.filter " + className + " could not be created, so it does"
                + " not run; Mizan's functions are still added to the OpenAPI document. Fix: a public class"
                + " implementing org.eclipse.microprofile.openapi.OASFilter with a public no-argument constructor";
    }

    /** {@code MIZAN-201}, logged with the exception: Mizan's functions could not be added to the OpenAPI document. */
    public static String openApiNotAdded() {
        return "MIZAN-201 the functions could not be added to the server's OpenAPI document, which keeps the rest;"
                + " set mizan.openapi.enabled=false to leave the document alone";
    }

    // ---- telemetry: MIZAN-210 and up, logged --------------------------------------------------------

    /** {@code MIZAN-210}, logged at start: what calls are recorded through. */
    public static String telemetryOn(String what) {
        return "MIZAN-210 calls, context reads and channel frames are observed: " + what
                + " (spans 'mizan call <name>', metrics mizan.calls and mizan.call.duration)";
    }

    /** {@code MIZAN-211}, logged at start with the exception: an API the server offers could not be used. */
    public static String telemetryNotSetUp(String what, String reason) {
        return "MIZAN-211 " + what + " is offered by the server but cannot be used (" + reason
                + "); Mizan records nothing through it";
    }

    /** Names sent by a client that a message lists at most; the rest are counted. */
    private static final int MAX_LISTED = 10;

    /** Characters of a name sent by a client that a message quotes at most. */
    private static final int MAX_NAME = 60;

    /**
     * Names a client sent, quoted: the first {@link #MAX_LISTED} in sorted order, each cut at
     * {@link #MAX_NAME} characters, then how many more. A client decides how many and how long they
     * are, and an answer listing them all would be as large as its request.
     */
    private static String quotedSent(Collection<String> names) {
        List<String> first =
                names.stream().distinct().sorted().limit(MAX_LISTED).toList();
        StringBuilder s = new StringBuilder();
        for (String n : first) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append('\'')
                    .append(n.length() > MAX_NAME ? n.substring(0, MAX_NAME) + "…" : n)
                    .append('\'');
        }
        long more = names.stream().distinct().count() - first.size();
        return more > 0 ? s + " and " + more + " more" : s.toString();
    }

    private static String quoted(Collection<String> names) {
        StringBuilder s = new StringBuilder();
        for (String n : names) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append('\'').append(n).append('\'');
        }
        return s.toString();
    }

    private static String wrapper(String primitive) {
        return switch (primitive) {
            case "int" -> "Integer";
            case "char" -> "Character";
            case "boolean", "byte", "short", "long", "float", "double" -> Character.toUpperCase(primitive.charAt(0))
                    + primitive.substring(1);
            default -> "the wrapper class";
        };
    }
}
