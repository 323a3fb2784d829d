package io.mizan.codegen;

import io.mizan.Scope;
import io.mizan.messages.Messages;
import io.mizan.model.FunctionModel;
import io.mizan.model.ParamModel;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes {@code hooks.ts}: the React hooks over the runtime.
 *
 * <pre>{@code
 * useCurrentUser()               // a global context: UseQueryResult<UserView, MizanError>
 * <GreetProvider name="Al">      // a local context: its params for the components below
 * useGreet()                     //   read with the nearest provider's params
 * useUpdateName()                // any other function: { mutate, mutateAsync, isPending, error, ... }
 * }</pre>
 */
final class HooksWriter implements ModuleWriter {

    static final String FILE = "hooks.ts";

    /** What hooks.ts uses besides the application's types, which an imported type must not shadow. */
    private static final Set<String> RUNTIME_NAMES = Set.of(
            "UseQueryResult",
            "MizanContextOptions",
            "MizanError",
            "MizanMutation",
            "MizanMutationOptions",
            "defineLocalContext",
            "useMizanContext",
            "useMizanMutation");

    /** {@code useUpdateName}. */
    static String hook(FunctionModel f) {
        return "use" + TsNames.upperFirst(f.name());
    }

    /** {@code GreetProvider}, for a local context. */
    static String provider(FunctionModel f) {
        return TsNames.upperFirst(f.name()) + "Provider";
    }

    /** {@code greetContext}: the module-private React context of a local context. */
    private static String localContext(FunctionModel f) {
        return f.name() + "Context";
    }

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public void declare(Generation generation, Exports exports) {
        for (FunctionModel f : generation.api().functions()) {
            String what = "the function " + f.where();
            exports.claim(hook(f), FILE, "the hook of " + what);
            if (f.scope() == Scope.LOCAL) {
                exports.claim(provider(f), FILE, "the provider of " + what);
                for (ParamModel p : f.params()) {
                    if (p.source() == ParamModel.Source.ARGUMENT && REACT_PROPS.contains(p.name())) {
                        exports.refuse(Messages.providerPropTaken(f.where(), p.name(), provider(f)));
                    }
                }
            }
        }
    }

    /** The props React takes for itself: a provider's params of these names would never reach it. */
    private static final Set<String> REACT_PROPS = Set.of("key", "children", "ref");

    @Override
    public String write(Generation generation) {
        TsSource source = new TsSource();
        Set<String> taken = new HashSet<>(TypeImports.GLOBALS);
        taken.addAll(RUNTIME_NAMES);
        for (FunctionModel f : generation.api().functions()) {
            taken.add(hook(f));
            taken.add(provider(f));
            taken.add(localContext(f));
        }
        TypeImports types = new TypeImports(source, generation.referencedTypes(), taken);
        TsTypes ts = types.renderer();
        for (FunctionModel f : generation.api().functions()) {
            String result = ts.render(f.result());
            if (f.scope() == Scope.GLOBAL) {
                writeGlobalContext(source, generation.docs(), f, result);
            } else if (f.scope() == Scope.LOCAL) {
                writeLocalContext(source, types, generation.docs(), f, result);
            } else {
                writeMutation(source, types, generation.docs(), f, result);
            }
        }
        return source.text();
    }

    private static void writeGlobalContext(TsSource source, DocComments docs, FunctionModel f, String result) {
        String options = "options?: " + source.type(TsModules.RUNTIME, "MizanContextOptions") + "<" + result + ">";
        String returns = queryResult(source, result);
        source.block(TsSource.doc(
                        "", docs.summary(f).orElse("Reads the global context " + f.name() + ".") + docs.refreshedBy(f))
                + "\n"
                + TsSource.wrapped("", "export function " + hook(f), List.of(options), ": " + returns + " {")
                + "\n  return " + source.value(TsModules.RUNTIME, "useMizanContext") + "<" + result + ">("
                + TsNames.string(f.name()) + ", {}, options);\n}");
    }

    private static void writeLocalContext(
            TsSource source, TypeImports types, DocComments docs, FunctionModel f, String result) {
        String params = f.arguments().isEmpty() ? "Record<string, never>" : types.use(TypesWriter.argsType(f));
        String example = f.arguments().stream().map(p -> p.name() + "={...}").collect(Collectors.joining(" "));
        source.block("const " + localContext(f) + " = " + source.value(TsModules.RUNTIME, "defineLocalContext")
                + "<" + params + ", " + result + ">(" + TsNames.string(f.name()) + ");\n\n"
                + TsSource.doc(
                        "",
                        "Provides the local context " + f.name() + " to the components below it: <" + provider(f)
                                + (example.isEmpty() ? "" : " " + example) + ">.")
                + "\n"
                + "export const " + provider(f) + " = " + localContext(f) + ".Provider;");
        String options = "options?: " + source.type(TsModules.RUNTIME, "MizanContextOptions") + "<" + result + ">";
        String returns = queryResult(source, result);
        String doc = docs.summary(f)
                .map(s -> s + " For the params of the nearest " + provider(f) + ".")
                .orElse("Reads the local context " + f.name() + " for the params of the nearest " + provider(f) + ".");
        source.block(TsSource.doc("", doc + docs.refreshedBy(f)) + "\n"
                + TsSource.wrapped("", "export function " + hook(f), List.of(options), ": " + returns + " {")
                + "\n  return " + localContext(f) + ".use(options);\n}");
    }

    private static void writeMutation(
            TsSource source, TypeImports types, DocComments docs, FunctionModel f, String result) {
        String args = f.arguments().isEmpty() ? "void" : types.use(TypesWriter.argsType(f));
        String typeArgs = "<" + args + ", " + result + ">";
        String options = "options?: " + source.type(TsModules.RUNTIME, "MizanMutationOptions") + typeArgs;
        String returns = source.type(TsModules.RUNTIME, "MizanMutation") + typeArgs;
        source.block(TsSource.doc("", docs.summary(f).orElse("Calls " + f.name() + ".") + DocComments.refreshes(f))
                + "\n" + TsSource.wrapped("", "export function " + hook(f), List.of(options), ": " + returns + " {")
                + "\n  return " + source.value(TsModules.RUNTIME, "useMizanMutation") + typeArgs + "("
                + TsNames.string(f.name()) + ", options);\n}");
    }

    private static String queryResult(TsSource source, String result) {
        return source.type(TsModules.QUERY, "UseQueryResult") + "<" + result + ", "
                + source.type(TsModules.RUNTIME, "MizanError") + ">";
    }
}
