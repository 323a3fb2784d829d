package io.mizan.codegen;

import io.mizan.messages.Messages;
import io.mizan.model.FunctionModel;
import io.mizan.model.ParamModel;
import io.mizan.model.PropertyModel;
import io.mizan.model.TypeDef;
import io.mizan.schema.ClientApi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Writes {@code types.ts}: an interface per record or bean, a string union per enum, and the arguments
 * of each function.
 *
 * <pre>{@code
 * export type Role = 'ADMIN' | 'USER';
 * export interface UserView { id: number; name: string; role: Role; }
 * export interface UpdateNameArgs { userId: number; name: string; }
 * }</pre>
 */
final class TypesWriter implements ModuleWriter {

    static final String FILE = "types.ts";

    /** {@code UpdateNameArgs} for a function, {@code GreetParams} for a context. */
    static String argsType(FunctionModel f) {
        return TsNames.upperFirst(f.name()) + (f.isContext() ? "Params" : "Args");
    }

    /** The properties in the order JSON-B and a reader expect: a record's own order, else by name. */
    static List<PropertyModel> properties(TypeDef.ObjectDef object) {
        if (object.javaType().isRecord()) {
            return object.properties();
        }
        return object.properties().stream()
                .sorted(Comparator.comparing(PropertyModel::name))
                .toList();
    }

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public boolean typesOnly() {
        return true;
    }

    @Override
    public void declare(Generation generation, Exports exports) {
        ClientApi api = generation.api();
        for (TypeDef type : api.types().values()) {
            String name = type.name();
            if (TsNames.RESERVED_WORDS.contains(name) || TsNames.PREDEFINED_TYPES.contains(name)) {
                exports.refuse(Messages.typeNameReserved(type.javaType().getName(), name));
            }
            exports.claim(name, FILE, "the type " + type.javaType().getName());
        }
        for (FunctionModel f : api.functions()) {
            if (!f.arguments().isEmpty()) {
                exports.claim(argsType(f), FILE, "the arguments type of the function " + f.where());
            }
        }
    }

    @Override
    public String write(Generation generation) {
        ClientApi api = generation.api();
        TsSource source = new TsSource();
        Set<String> declared = api.types().keySet();
        TsTypes ts =
                new TsTypes(UnaryOperator.identity(), !declared.contains("Record") && !declared.contains("Partial"));
        for (TypeDef type : api.types().values()) {
            String typeDoc = generation.docs().summary(type.javaType()).orElse(null);
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
            String doc = f.isContext()
                    ? "Params of the " + DocComments.scopeWord(f) + " context " + f.name() + "."
                    : "Arguments of " + f.name() + ".";
            source.block(interfaceBlock(doc, argsType(f), lines));
        }
        return source.text();
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
        return "export type " + e.name() + " =\n"
                + values.stream().map(v -> "  | " + v).collect(Collectors.joining("\n")) + ";";
    }
}
