package io.mizan.codegen;

import io.mizan.Scope;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.model.ParamModel;
import io.mizan.model.PropertyModel;
import io.mizan.model.TypeDef;
import io.mizan.model.TypeRef;
import io.mizan.schema.ClientApi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Writes the TypeScript a React application uses to call the server's {@code @Client} functions:
 * types, Zod schemas, plain async functions, React hooks, a barrel, and a copy of the client runtime.
 *
 * <pre>{@code
 * Model model = new ModelBuilder(Auth.PUBLIC).build(List.of(Users.class));
 * Map<String, String> files = new TypeScriptGenerator().generate(model);
 * files.keySet();  // [api.ts, hooks.ts, index.ts, runtime/cache.ts, ..., schemas.ts, types.ts]
 * }</pre>
 *
 * <p>For {@code @Client(affects = "currentUser") UserView updateName(long userId, @NotBlank String name)}:
 * <pre>{@code
 * // types.ts
 * export interface UpdateNameArgs { userId: number; name: string; }
 * // schemas.ts
 * export const updateNameArgs = z.object({ userId: z.number().int(), name: z.string().regex(/\S/, ...) })
 *   satisfies z.ZodType<UpdateNameArgs>;
 * // api.ts
 * export function updateName(client: MizanClient, args: UpdateNameArgs, options?: RequestOptions):
 *   Promise<CallResult<UserView>>
 * // hooks.ts
 * export function useUpdateName(options?: MizanMutationOptions<UpdateNameArgs, UserView>):
 *   MizanMutation<UpdateNameArgs, UserView>
 * }</pre>
 * A {@code GLOBAL} context {@code currentUser} gives {@code currentUser(client)} and
 * {@code useCurrentUser()}; a {@code LOCAL} context {@code greet(name)} gives {@code greet(client, params)},
 * {@code <GreetProvider name=...>} and {@code useGreet()}. View-path and {@code serverOnly} functions
 * are not written, nor the types only they use.
 *
 * <p>The output depends on the model alone: the same model gives the same bytes. Generation is pure
 * and takes no locks, so a benchmark can time {@link #generate} on a model built in memory.
 */
public final class TypeScriptGenerator {

    static final String TYPES = "types.ts";
    static final String SCHEMAS = "schemas.ts";
    static final String API = "api.ts";
    static final String HOOKS = "hooks.ts";
    static final String INDEX = "index.ts";
    /** The folder, inside the output folder, that holds the copy of the client runtime. */
    static final String RUNTIME = "runtime/";

    private static final String TYPES_MODULE = "./types";
    private static final String RUNTIME_MODULE = "./runtime";
    private static final String QUERY_MODULE = "@tanstack/react-query";
    private static final List<String> MODULE_ORDER = List.of("zod", QUERY_MODULE, RUNTIME_MODULE, TYPES_MODULE);

    private final Javadoc javadoc;

    /** A generator whose comments are its own. */
    public TypeScriptGenerator() {
        this(Javadoc.NONE);
    }

    /** A generator that carries the first sentence of each class's and method's Javadoc into the code. */
    public TypeScriptGenerator(Javadoc javadoc) {
        this.javadoc = javadoc;
    }

    /**
     * Generates every file.
     *
     * @return relative path ({@code types.ts}, {@code runtime/index.ts}) to content, sorted by path
     * @throws GenerationException when a name of the application cannot be written in TypeScript
     */
    public SortedMap<String, String> generate(Model model) {
        Run run = new Run(model, javadoc);
        SortedMap<String, String> files = new TreeMap<>();
        files.put(TYPES, run.typesFile());
        files.put(SCHEMAS, run.schemasFile());
        files.put(API, run.apiFile());
        files.put(HOOKS, run.hooksFile());
        files.put(INDEX, run.indexFile());
        RuntimeSources.files().forEach((name, text) -> files.put(RUNTIME + name, text));
        return Collections.unmodifiableSortedMap(files);
    }

    /** The state of one generation. */
    private static final class Run {

        private final Model model;
        private final Javadoc javadoc;
        private final ClientApi api;
        /** Exported name to what takes it, to refuse two exports with one name. */
        private final Map<String, String> exported = new TreeMap<>();
        /** Exported name to the file that exports it. */
        private final Map<String, String> exportedBy = new HashMap<>();
        private final List<String> problems = new ArrayList<>();

        Run(Model model, Javadoc javadoc) {
            this.model = model;
            this.javadoc = javadoc;
            this.api = ClientApi.of(model);
            checkNames();
            if (!problems.isEmpty()) {
                throw new GenerationException(problems);
            }
        }

        // ---- names -------------------------------------------------------------------------------

        private static String argsType(FunctionModel f) {
            return TsNames.upperFirst(f.name()) + (f.isContext() ? "Params" : "Args");
        }

        private static String argsSchema(FunctionModel f) {
            return f.name() + (f.isContext() ? "Params" : "Args");
        }

        private static String typeSchema(String typeName) {
            return TsNames.lowerFirst(typeName) + "Schema";
        }

        private static String hook(FunctionModel f) {
            return "use" + TsNames.upperFirst(f.name());
        }

        private static String provider(FunctionModel f) {
            return TsNames.upperFirst(f.name()) + "Provider";
        }

        private static String localContext(FunctionModel f) {
            return f.name() + "Context";
        }

        private void checkNames() {
            for (TypeDef type : api.types().values()) {
                String name = type.name();
                if (TsNames.RESERVED_WORDS.contains(name) || TsNames.PREDEFINED_TYPES.contains(name)) {
                    problems.add("Mizan: " + type.javaType().getName() + ": the type name '" + name + "' is a reserved"
                            + " word in TypeScript. Fix: rename the class.");
                }
                claim(name, TYPES, "the type " + type.javaType().getName());
                if (api.inputTypes().contains(name)) {
                    claim(typeSchema(name), SCHEMAS, "the schema of the type " + type.javaType().getName());
                }
            }
            for (FunctionModel f : api.functions()) {
                if (TsNames.RESERVED_WORDS.contains(f.name())) {
                    problems.add("Mizan: " + f.where() + ": the function name '" + f.name() + "' is a reserved word"
                            + " in TypeScript, so api.ts cannot export it. Fix: give it another name with"
                            + " @Client(name = \"...\").");
                    continue;
                }
                String what = "the function " + f.where();
                if (!f.arguments().isEmpty()) {
                    claim(argsType(f), TYPES, "the arguments type of " + what);
                    claim(argsSchema(f), SCHEMAS, "the arguments schema of " + what);
                }
                claim(f.name(), API, what);
                claim(hook(f), HOOKS, "the hook of " + what);
                if (f.scope() == Scope.LOCAL) {
                    claim(provider(f), HOOKS, "the provider of " + what);
                }
            }
        }

        private void claim(String name, String module, String what) {
            String other = exported.putIfAbsent(name, what);
            if (other != null) {
                problems.add("Mizan: the generated name '" + name + "' is taken twice: by " + other + " and by "
                        + what + ". Fix: rename one of them (a function with @Client(name = \"...\")).");
            } else {
                exportedBy.put(name, module);
            }
        }

        /**
         * Local names for imported types: a type called like something the file already uses
         * ({@code Promise}, {@code MizanClient}) is imported under another name.
         */
        private static Map<String, String> localNames(Set<String> types, Set<String> taken) {
            Map<String, String> local = new TreeMap<>();
            Set<String> used = new HashSet<>(taken);
            for (String type : new TreeSet<>(types)) {
                String name = type;
                for (int i = 2; used.contains(name); i++) {
                    name = type + "Type" + (i == 2 ? "" : String.valueOf(i));
                }
                used.add(name);
                local.put(type, name);
            }
            return local;
        }

        private static UnaryOperator<String> importer(TsSource source, Map<String, String> local) {
            return name -> source.type(TYPES_MODULE, name, local.getOrDefault(name, name));
        }

        /** The properties in the order JSON-B and a reader expect: a record's own order, else by name. */
        static List<PropertyModel> properties(TypeDef.ObjectDef object) {
            if (object.javaType().isRecord()) {
                return object.properties();
            }
            return object.properties().stream().sorted(Comparator.comparing(PropertyModel::name)).toList();
        }

        private static Set<String> typeNames(TypeRef type) {
            Set<String> names = new TreeSet<>();
            ClientApi.names(type, names::add);
            return names;
        }

        // ---- types.ts ----------------------------------------------------------------------------

        String typesFile() {
            TsSource source = new TsSource();
            Set<String> declared = api.types().keySet();
            TsTypes ts = new TsTypes(UnaryOperator.identity(),
                    !declared.contains("Record") && !declared.contains("Partial"));
            for (TypeDef type : api.types().values()) {
                String typeDoc = javadoc.of(type.javaType()).orElse(null);
                if (type instanceof TypeDef.EnumDef e) {
                    source.block((typeDoc == null ? "" : TsSource.doc("", typeDoc) + "\n") + enumType(e));
                } else {
                    TypeDef.ObjectDef o = (TypeDef.ObjectDef) type;
                    String params = o.typeParameters().isEmpty() ? "" : "<" + String.join(", ", o.typeParameters()) + ">";
                    List<String> lines = new ArrayList<>();
                    for (PropertyModel p : properties(o)) {
                        lines.add("  " + TsNames.key(p.name()) + ": " + ts.render(p.type()) + ";");
                    }
                    source.block(interfaceBlock(typeDoc, o.name() + params, lines));
                }
            }
            for (FunctionModel f : api.functions()) {
                if (f.arguments().isEmpty()) {
                    continue;
                }
                List<String> lines = new ArrayList<>();
                for (ParamModel p : f.arguments()) {
                    // the server reads a missing nullable argument as null; undefined is left out of the JSON
                    lines.add("  " + TsNames.key(p.name()) + (p.nullable() ? "?: " : ": ") + ts.render(p.type())
                            + (p.nullable() ? " | undefined;" : ";"));
                }
                String doc = f.isContext() ? "Params of the " + scopeWord(f) + " context " + f.name() + "."
                        : "Arguments of " + f.name() + ".";
                source.block(interfaceBlock(doc, argsType(f), lines));
            }
            return source.text(MODULE_ORDER);
        }

        private static String interfaceBlock(String doc, String head, List<String> lines) {
            StringBuilder out = new StringBuilder();
            if (doc != null) {
                out.append(TsSource.doc("", doc)).append('\n');
            }
            if (lines.isEmpty()) {
                return out.append("export interface ").append(head).append(" {}").toString();
            }
            out.append("export interface ").append(head).append(" {\n");
            lines.forEach(l -> out.append(l).append('\n'));
            return out.append('}').toString();
        }

        private static String enumType(TypeDef.EnumDef e) {
            if (e.constants().isEmpty()) {
                return "export type " + e.name() + " = never;";
            }
            List<String> values = e.constants().stream().map(TsNames::string).toList();
            String inline = "export type " + e.name() + " = " + String.join(" | ", values) + ";";
            if (inline.length() <= TsSource.WIDTH) {
                return inline;
            }
            return "export type " + e.name() + " =\n" + values.stream().map(v -> "  | " + v)
                    .collect(Collectors.joining("\n")) + ";";
        }

        // ---- schemas.ts --------------------------------------------------------------------------

        String schemasFile() {
            TsSource source = new TsSource();
            SortedSet<String> inputs = api.inputTypes();
            List<List<String>> components = DependencyOrder.of(inputs, name -> dependencies(name, inputs));
            Map<String, Set<String>> componentOf = new HashMap<>();
            Set<String> recursive = new HashSet<>();
            for (List<String> component : components) {
                Set<String> members = new HashSet<>(component);
                for (String name : component) {
                    componentOf.put(name, members);
                    if (component.size() > 1 || dependencies(name, inputs).contains(name)) {
                        recursive.add(name);
                    }
                }
            }

            Set<String> taken = new HashSet<>(ZodSchemas.helperNames());
            exportedBy.forEach((name, module) -> {
                if (module.equals(SCHEMAS)) {
                    taken.add(name);
                }
            });
            Set<String> referenced = new TreeSet<>(inputs);
            api.functions().stream().filter(f -> !f.arguments().isEmpty()).map(Run::argsType).forEach(referenced::add);
            Map<String, String> local = localNames(referenced, taken);

            List<String> blocks = new ArrayList<>();
            Set<ZodSchemas.Helper> helpers = new TreeSet<>();
            for (List<String> component : components) {
                for (String name : component) {
                    Set<String> members = componentOf.get(name);
                    ZodSchemas zod = new ZodSchemas(Run::typeSchema, members::contains);
                    blocks.add(typeSchemaBlock(source, local, zod, model.types().get(name), recursive.contains(name)));
                    helpers.addAll(zod.helpers());
                }
            }
            for (FunctionModel f : api.functions()) {
                if (f.arguments().isEmpty()) {
                    continue;
                }
                ZodSchemas zod = new ZodSchemas(Run::typeSchema, name -> false);
                List<String> lines = new ArrayList<>();
                for (ParamModel p : f.arguments()) {
                    lines.add(zod.expression(p.type(), p.constraints(), p.nullable())
                            .render("  ", TsNames.key(p.name()) + ": ", ","));
                }
                helpers.addAll(zod.helpers());
                String type = source.type(TYPES_MODULE, argsType(f), local.get(argsType(f)));
                String doc = TsSource.doc("", (f.isContext() ? "Params of the " + scopeWord(f) + " context "
                        : "Arguments of ") + f.name() + ", checked as the server checks them.");
                blocks.add(doc + "\n" + objectSchema("export const " + argsSchema(f) + " = ", lines,
                        " satisfies z.ZodType<" + type + ">;"));
            }
            if (!blocks.isEmpty()) {
                source.value("zod", "z");
            }
            helpers.forEach(h -> source.block(ZodSchemas.helperSource(h)));
            blocks.forEach(source::block);
            return source.text(MODULE_ORDER);
        }

        private Set<String> dependencies(String name, Set<String> inputs) {
            Set<String> out = new TreeSet<>();
            if (model.types().get(name) instanceof TypeDef.ObjectDef o) {
                for (PropertyModel p : o.properties()) {
                    ClientApi.names(p.type(), n -> {
                        if (inputs.contains(n)) {
                            out.add(n);
                        }
                    });
                }
            }
            return out;
        }

        private String typeSchemaBlock(TsSource source, Map<String, String> local, ZodSchemas zod, TypeDef type,
                                       boolean recursive) {
            String constant = typeSchema(type.name());
            if (type instanceof TypeDef.EnumDef e) {
                String typeName = source.type(TYPES_MODULE, e.name(), local.get(e.name()));
                if (e.constants().isEmpty()) {
                    return "export const " + constant + " = z.never() satisfies z.ZodType<" + typeName + ">;";
                }
                List<String> values = e.constants().stream().map(TsNames::string).toList();
                String tail = " satisfies z.ZodType<" + typeName + ">;";
                String inline = "export const " + constant + " = z.enum([" + String.join(", ", values) + "])" + tail;
                if (inline.length() <= TsSource.WIDTH) {
                    return inline;
                }
                return "export const " + constant + " = z.enum([\n" + values.stream().map(v -> "  " + v + ",\n")
                        .collect(Collectors.joining()) + "])" + tail;
            }
            TypeDef.ObjectDef o = (TypeDef.ObjectDef) type;
            boolean generic = !o.typeParameters().isEmpty();
            // a generic factory names its type only when recursion makes it spell out its result
            String typeName = generic && !recursive ? null : source.type(TYPES_MODULE, o.name(), local.get(o.name()));
            String indent = generic ? "    " : "  ";
            List<String> lines = new ArrayList<>();
            for (PropertyModel p : properties(o)) {
                lines.add(zod.expression(p.type(), p.constraints(), false)
                        .render(indent, TsNames.key(p.name()) + ": ", ","));
            }
            if (!generic) {
                if (recursive) {
                    // a recursive schema needs its type spelled out: TypeScript cannot infer it
                    return objectSchema("export const " + constant + ": z.ZodType<" + typeName + "> = ", lines, ";");
                }
                return objectSchema("export const " + constant + " = ", lines, " satisfies z.ZodType<" + typeName + ">;");
            }
            Set<String> used = new HashSet<>();
            for (PropertyModel p : o.properties()) {
                collectTypeVars(p.type(), used);
            }
            List<String> params = new ArrayList<>();
            for (String t : o.typeParameters()) {
                String param = ZodSchemas.typeVarParam(t);
                params.add((used.contains(t) ? param : "_" + param) + ": " + t);
            }
            String typeParams = o.typeParameters().stream().map(t -> t + " extends z.ZodTypeAny")
                    .collect(Collectors.joining(", ", "<", ">"));
            if (!recursive) {
                String head = TsSource.wrapped("", "export function " + constant + typeParams, params, " {");
                return head + "\n" + objectSchema("  return ", lines, ";").replace("\n}", "\n  }") + "\n}";
            }
            // TypeScript cannot check an object schema over a type parameter against the interface (it
            // reads every property as optional), so the result type of a recursive factory is asserted.
            String result = "z.ZodType<" + typeName + o.typeParameters().stream().map(t -> "z.output<" + t + ">")
                    .collect(Collectors.joining(", ", "<", ">")) + ">";
            String head = TsSource.wrapped("", "export function " + constant + typeParams, params, ": " + result + " {");
            return head + "\n" + objectSchema("  return ", lines, " as " + result + ";").replace("\n}", "\n  }")
                    + "\n}";
        }

        private static void collectTypeVars(TypeRef type, Set<String> out) {
            if (type instanceof TypeRef.TypeVar v) {
                out.add(v.name());
            } else if (type instanceof TypeRef.ObjectRef o) {
                o.arguments().forEach(a -> collectTypeVars(a, out));
            } else if (type instanceof TypeRef.ListOf l) {
                collectTypeVars(l.item(), out);
            } else if (type instanceof TypeRef.MapOf m) {
                collectTypeVars(m.value(), out);
            } else if (type instanceof TypeRef.Nullable n) {
                collectTypeVars(n.inner(), out);
            }
        }

        private static String objectSchema(String head, List<String> lines, String tail) {
            if (lines.isEmpty()) {
                return head + "z.object({})" + tail;
            }
            return head + "z.object({\n" + String.join("\n", lines) + "\n})" + tail;
        }

        // ---- api.ts ------------------------------------------------------------------------------

        String apiFile() {
            TsSource source = new TsSource();
            Set<String> taken = new HashSet<>(Set.of("Promise", "Record", "Partial", "CallResult", "MizanClient",
                    "RequestOptions"));
            api.functions().forEach(f -> taken.add(f.name()));
            Map<String, String> local = localNames(referencedTypes(true), taken);
            TsTypes ts = new TsTypes(importer(source, local), true);
            for (FunctionModel f : api.functions()) {
                String client = source.type(RUNTIME_MODULE, "MizanClient");
                String options = source.type(RUNTIME_MODULE, "RequestOptions");
                String result = ts.render(f.result());
                List<String> params = new ArrayList<>();
                params.add("client: " + client);
                String argsName = f.isContext() ? "params" : "args";
                if (!f.arguments().isEmpty()) {
                    params.add(argsName + ": " + source.type(TYPES_MODULE, argsType(f), local.get(argsType(f))));
                }
                params.add("options?: " + options);
                String sent = f.arguments().isEmpty() ? "{}" : argsName;
                String doc;
                String returns;
                String body;
                if (f.isContext()) {
                    doc = summary(f).orElse("Reads the " + scopeWord(f) + " context " + f.name()
                            + (f.arguments().isEmpty() ? "." : " for these params."));
                    returns = "Promise<" + result + ">";
                    body = "client.context<" + result + ">(" + TsNames.string(f.name()) + ", " + sent + ", options)";
                } else {
                    doc = summary(f).orElse("Calls " + f.name() + ".") + refreshes(f);
                    returns = "Promise<" + source.type(RUNTIME_MODULE, "CallResult") + "<" + result + ">>";
                    body = "client.call<" + result + ">(" + TsNames.string(f.name()) + ", " + sent + ", options)";
                }
                source.block(TsSource.doc("", doc) + "\n"
                        + TsSource.wrapped("", "export function " + f.name(), params, ": " + returns + " {") + "\n"
                        + "  return " + body + ";\n}");
            }
            return source.text(MODULE_ORDER);
        }

        /** The named types that api.ts or hooks.ts refer to: results, and the arguments types. */
        private Set<String> referencedTypes(boolean includeArgs) {
            Set<String> names = new TreeSet<>();
            for (FunctionModel f : api.functions()) {
                names.addAll(typeNames(f.result()));
                if (includeArgs && !f.arguments().isEmpty()) {
                    names.add(argsType(f));
                }
            }
            return names;
        }

        private static String scopeWord(FunctionModel f) {
            return f.scope() == Scope.GLOBAL ? "global" : "local";
        }

        /** {@code " Refreshes: currentUser, userProfile (same userId)."}, or empty. */
        /** The first sentence of the method's Javadoc, ending in a full stop. */
        private Optional<String> summary(FunctionModel f) {
            return javadoc.of(f.method().getDeclaringClass(), f.method().getName())
                    .map(s -> s.endsWith(".") || s.endsWith("!") || s.endsWith("?") ? s : s + ".");
        }

        private static String refreshes(FunctionModel f) {
            if (f.affects().isEmpty()) {
                return "";
            }
            List<String> parts = new ArrayList<>();
            for (String context : f.affects()) {
                List<String> by = f.scopedBy().getOrDefault(context, List.of());
                parts.add(by.isEmpty() ? context : context + " (same " + String.join(", ", by) + ")");
            }
            return " Refreshes: " + String.join(", ", parts) + ".";
        }

        /** {@code " Refreshed by: signup, updateName."}, or empty. */
        private String refreshedBy(FunctionModel context) {
            List<String> by = api.functions().stream().filter(f -> f.affects().contains(context.name()))
                    .map(FunctionModel::name).toList();
            return by.isEmpty() ? "" : " Refreshed by: " + String.join(", ", by) + ".";
        }

        // ---- hooks.ts ----------------------------------------------------------------------------

        String hooksFile() {
            TsSource source = new TsSource();
            Set<String> taken = new HashSet<>(Set.of("Promise", "Record", "Partial", "UseQueryResult",
                    "MizanContextOptions", "MizanError", "MizanMutation", "MizanMutationOptions", "defineLocalContext",
                    "useMizanContext", "useMizanMutation"));
            for (FunctionModel f : api.functions()) {
                taken.add(hook(f));
                taken.add(provider(f));
                taken.add(localContext(f));
            }
            Map<String, String> local = localNames(referencedTypes(true), taken);
            TsTypes ts = new TsTypes(importer(source, local), true);
            for (FunctionModel f : api.functions()) {
                String result = ts.render(f.result());
                String name = TsNames.string(f.name());
                if (f.scope() == Scope.GLOBAL) {
                    String options = "options?: " + source.type(RUNTIME_MODULE, "MizanContextOptions") + "<" + result + ">";
                    String returns = queryResult(source, result);
                    source.block(TsSource.doc("", summary(f).orElse("Reads the global context " + f.name() + ".")
                            + refreshedBy(f)) + "\n"
                            + TsSource.wrapped("", "export function " + hook(f), List.of(options), ": " + returns + " {")
                            + "\n  return " + source.value(RUNTIME_MODULE, "useMizanContext") + "<" + result + ">(" + name
                            + ", {}, options);\n}");
                } else if (f.scope() == Scope.LOCAL) {
                    String params = f.arguments().isEmpty() ? "Record<string, never>"
                            : source.type(TYPES_MODULE, argsType(f), local.get(argsType(f)));
                    String example = f.arguments().stream().map(p -> p.name() + "={...}")
                            .collect(Collectors.joining(" "));
                    source.block("const " + localContext(f) + " = " + source.value(RUNTIME_MODULE, "defineLocalContext")
                            + "<" + params + ", " + result + ">(" + name + ");\n\n"
                            + TsSource.doc("", "Provides the local context " + f.name() + " to the components below it: <"
                            + provider(f) + (example.isEmpty() ? "" : " " + example) + ">.") + "\n"
                            + "export const " + provider(f) + " = " + localContext(f) + ".Provider;");
                    String options = "options?: " + source.type(RUNTIME_MODULE, "MizanContextOptions") + "<" + result + ">";
                    String returns = queryResult(source, result);
                    source.block(TsSource.doc("", summary(f).map(s -> s + " For the params of the nearest " + provider(f) + ".")
                            .orElse("Reads the local context " + f.name() + " for the params of the nearest " + provider(f) + ".")
                            + refreshedBy(f)) + "\n"
                            + TsSource.wrapped("", "export function " + hook(f), List.of(options), ": " + returns + " {")
                            + "\n  return " + localContext(f) + ".use(options);\n}");
                } else {
                    String args = f.arguments().isEmpty() ? "void"
                            : source.type(TYPES_MODULE, argsType(f), local.get(argsType(f)));
                    String types = "<" + args + ", " + result + ">";
                    String options = "options?: " + source.type(RUNTIME_MODULE, "MizanMutationOptions") + types;
                    String returns = source.type(RUNTIME_MODULE, "MizanMutation") + types;
                    source.block(TsSource.doc("", summary(f).orElse("Calls " + f.name() + ".") + refreshes(f)) + "\n"
                            + TsSource.wrapped("", "export function " + hook(f), List.of(options), ": " + returns + " {")
                            + "\n  return " + source.value(RUNTIME_MODULE, "useMizanMutation") + types + "(" + name
                            + ", options);\n}");
                }
            }
            return source.text(MODULE_ORDER);
        }

        private static String queryResult(TsSource source, String result) {
            return source.type(QUERY_MODULE, "UseQueryResult") + "<" + result + ", "
                    + source.type(RUNTIME_MODULE, "MizanError") + ">";
        }

        // ---- index.ts ----------------------------------------------------------------------------

        String indexFile() {
            StringBuilder out = new StringBuilder(TsSource.HEADER).append("\n\n");
            out.append("export * from './runtime';\n");
            for (String module : List.of(TYPES, SCHEMAS, API, HOOKS)) {
                out.append("export * from './").append(module.replace(".ts", "")).append("';\n");
            }
            // a name both the runtime and the application export: the application's wins in the barrel
            Map<String, List<String>> shadowing = new LinkedHashMap<>();
            for (String name : RuntimeSources.exports()) {
                String module = exportedBy.get(name);
                if (module != null) {
                    shadowing.computeIfAbsent(module, m -> new ArrayList<>()).add(name);
                }
            }
            if (!shadowing.isEmpty()) {
                out.append("\n// Also exported by the runtime under these names; here they mean the application's own.\n");
                for (String module : List.of(TYPES, SCHEMAS, API, HOOKS)) {
                    List<String> names = shadowing.get(module);
                    if (names != null) {
                        out.append("export ").append(module.equals(TYPES) ? "type " : "").append("{ ")
                                .append(String.join(", ", new TreeSet<>(names))).append(" } from './")
                                .append(module.replace(".ts", "")).append("';\n");
                    }
                }
            }
            return out.toString();
        }
    }
}
