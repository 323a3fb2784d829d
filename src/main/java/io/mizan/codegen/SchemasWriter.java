package io.mizan.codegen;

import io.mizan.model.FunctionModel;
import io.mizan.model.ParamModel;
import io.mizan.model.PropertyModel;
import io.mizan.model.TypeDef;
import io.mizan.model.TypeRef;
import io.mizan.schema.ClientApi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes {@code schemas.ts}: a Zod schema of every type the browser sends and of every function's
 * arguments, with the Bean Validation constraints and the server's messages, each checked against its
 * interface.
 *
 * <pre>{@code
 * export const roleSchema = z.enum(['ADMIN', 'USER']) satisfies z.ZodType<Role>;
 * export const updateNameArgs = z.object({
 *   userId: z.number().int(),
 *   name: z.string().regex(/\S/, { message: 'must not be blank' }).max(80, ...),
 * }) satisfies z.ZodType<UpdateNameArgs>;
 * }</pre>
 *
 * <p>A schema is defined after the schemas it uses ({@link DependencyOrder}); only references inside a
 * cycle are deferred with {@code z.lazy}, and a recursive schema spells out its type. A generic type
 * gets a factory that takes the schemas of its type arguments: {@code pageSchema(userViewSchema)}.
 */
final class SchemasWriter implements ModuleWriter {

    static final String FILE = "schemas.ts";

    /** {@code updateNameArgs} for a function, {@code greetParams} for a context. */
    static String argsSchema(FunctionModel f) {
        return f.name() + (f.isContext() ? "Params" : "Args");
    }

    /** {@code userViewSchema}: the schema constant, or factory, of a named type. */
    static String typeSchema(String typeName) {
        return TsNames.lowerFirst(typeName) + "Schema";
    }

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public void declare(Generation generation, Exports exports) {
        ClientApi api = generation.api();
        for (String name : api.inputTypes()) {
            exports.claim(
                    typeSchema(name),
                    FILE,
                    "the schema of the type " + api.types().get(name).javaType().getName());
        }
        for (FunctionModel f : api.functions()) {
            if (!f.arguments().isEmpty()) {
                exports.claim(argsSchema(f), FILE, "the arguments schema of the function " + f.where());
            }
        }
    }

    @Override
    public String write(Generation generation) {
        ClientApi api = generation.api();
        TsSource source = new TsSource();
        SortedSet<String> inputs = api.inputTypes();
        List<List<String>> groups = DependencyOrder.of(inputs, name -> dependencies(api, name));
        Map<String, Set<String>> groupOf = new HashMap<>();
        Set<String> recursive = new HashSet<>();
        for (List<String> group : groups) {
            Set<String> members = new HashSet<>(group);
            for (String name : group) {
                groupOf.put(name, members);
                if (group.size() > 1 || dependencies(api, name).contains(name)) {
                    recursive.add(name);
                }
            }
        }

        Set<String> taken = new HashSet<>(ZodHelper.reservedNames());
        taken.addAll(generation.exports().namesIn(FILE));
        Set<String> referenced = new TreeSet<>(inputs);
        api.functions().stream()
                .filter(f -> !f.arguments().isEmpty())
                .map(TypesWriter::argsType)
                .forEach(referenced::add);
        TypeImports types = new TypeImports(source, referenced, taken);

        List<String> blocks = new ArrayList<>();
        Set<ZodHelper> helpers = new TreeSet<>();
        for (List<String> group : groups) {
            for (String name : group) {
                ZodSchemas zod = new ZodSchemas(SchemasWriter::typeSchema, groupOf.get(name)::contains);
                blocks.add(typeSchemaBlock(types, zod, api.types().get(name), recursive.contains(name)));
                helpers.addAll(zod.helpers());
            }
        }
        for (FunctionModel f : api.functions()) {
            if (f.arguments().isEmpty()) {
                continue;
            }
            ZodSchemas zod = new ZodSchemas(SchemasWriter::typeSchema, name -> false);
            List<String> lines = new ArrayList<>();
            for (ParamModel p : f.arguments()) {
                lines.add(zod.expression(p.type(), p.constraints(), p.nullable())
                        .render("  ", TsNames.key(p.name()) + ": ", ","));
            }
            helpers.addAll(zod.helpers());
            String type = types.use(TypesWriter.argsType(f));
            String doc = TsSource.doc(
                    "",
                    (f.isContext() ? "Params of the " + DocComments.scopeWord(f) + " context " : "Arguments of ")
                            + f.name() + ", checked as the server checks them.");
            blocks.add(doc + "\n"
                    + objectSchema(
                            "export const " + argsSchema(f) + " = ", lines, " satisfies z.ZodType<" + type + ">;"));
        }
        if (!blocks.isEmpty()) {
            source.value(TsModules.ZOD, "z");
        }
        helpers.forEach(h -> source.block(h.source()));
        blocks.forEach(source::block);
        return source.text();
    }

    /** The input types the schema of {@code name} uses. */
    private static Set<String> dependencies(ClientApi api, String name) {
        Set<String> out = new TreeSet<>();
        if (api.types().get(name) instanceof TypeDef.ObjectDef o) {
            for (PropertyModel p : o.properties()) {
                ClientApi.names(p.type(), n -> {
                    if (api.inputTypes().contains(n)) {
                        out.add(n);
                    }
                });
            }
        }
        return out;
    }

    private static String typeSchemaBlock(TypeImports types, ZodSchemas zod, TypeDef type, boolean recursive) {
        String constant = typeSchema(type.name());
        if (type instanceof TypeDef.EnumDef e) {
            String typeName = types.use(e.name());
            if (e.constants().isEmpty()) {
                return "export const " + constant + " = z.never() satisfies z.ZodType<" + typeName + ">;";
            }
            List<String> values = e.constants().stream().map(TsNames::string).toList();
            String tail = " satisfies z.ZodType<" + typeName + ">;";
            String inline = "export const " + constant + " = z.enum([" + String.join(", ", values) + "])" + tail;
            if (inline.length() <= TsSource.WIDTH) {
                return inline;
            }
            return "export const " + constant + " = z.enum([\n"
                    + values.stream().map(v -> "  " + v + ",\n").collect(Collectors.joining()) + "])" + tail;
        }
        TypeDef.ObjectDef o = (TypeDef.ObjectDef) type;
        boolean generic = !o.typeParameters().isEmpty();
        // a generic factory names its type only when recursion makes it spell out its result
        String typeName = generic && !recursive ? null : types.use(o.name());
        String indent = generic ? "    " : "  ";
        List<String> lines = new ArrayList<>();
        for (PropertyModel p : TypesWriter.properties(o)) {
            lines.add(
                    zod.expression(p.type(), p.constraints(), false).render(indent, TsNames.key(p.name()) + ": ", ","));
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
        String typeParams = o.typeParameters().stream()
                .map(t -> t + " extends z.ZodTypeAny")
                .collect(Collectors.joining(", ", "<", ">"));
        if (!recursive) {
            String head = TsSource.wrapped("", "export function " + constant + typeParams, params, " {");
            return head + "\n" + objectSchema("  return ", lines, ";").replace("\n}", "\n  }") + "\n}";
        }
        // TypeScript cannot check an object schema over a type parameter against the interface (it
        // reads every property as optional), so the result type of a recursive factory is asserted.
        String result = "z.ZodType<" + typeName
                + o.typeParameters().stream()
                        .map(t -> "z.output<" + t + ">")
                        .collect(Collectors.joining(", ", "<", ">"))
                + ">";
        String head = TsSource.wrapped("", "export function " + constant + typeParams, params, ": " + result + " {");
        return head + "\n"
                + objectSchema("  return ", lines, " as " + result + ";").replace("\n}", "\n  }") + "\n}";
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
}
