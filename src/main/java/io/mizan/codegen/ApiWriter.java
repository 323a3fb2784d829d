package io.mizan.codegen;

import io.mizan.messages.Messages;
import io.mizan.model.FunctionModel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes {@code api.ts}: a function per server function, for code outside React (loaders, tests).
 *
 * <pre>{@code
 * updateName(client, { userId: 5, name: 'Al' })   // Promise<CallResult<UserView>>: POST .../call/updateName
 * currentUser(client)                             // Promise<UserView>: GET .../ctx/currentUser
 * }</pre>
 */
final class ApiWriter implements ModuleWriter {

    static final String FILE = "api.ts";

    /** What api.ts uses besides the application's types, which an imported type must not shadow. */
    private static final Set<String> RUNTIME_NAMES = Set.of("CallResult", "MizanClient", "RequestOptions");

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public void declare(Generation generation, Exports exports) {
        for (FunctionModel f : generation.api().functions()) {
            if (TsNames.RESERVED_WORDS.contains(f.name())) {
                exports.refuse(Messages.functionNameReserved(f.where(), f.name()));
            } else {
                exports.claim(f.name(), FILE, "the function " + f.where());
            }
        }
    }

    @Override
    public String write(Generation generation) {
        TsSource source = new TsSource();
        Set<String> taken = new HashSet<>(TypeImports.GLOBALS);
        taken.addAll(RUNTIME_NAMES);
        generation.api().functions().forEach(f -> taken.add(f.name()));
        TypeImports types = new TypeImports(source, generation.referencedTypes(), taken);
        TsTypes ts = types.renderer();
        DocComments docs = generation.docs();
        for (FunctionModel f : generation.api().functions()) {
            String client = source.type(TsModules.RUNTIME, "MizanClient");
            String options = source.type(TsModules.RUNTIME, "RequestOptions");
            String result = ts.render(f.result());
            List<String> params = new ArrayList<>();
            params.add("client: " + client);
            String argsName = f.isContext() ? "params" : "args";
            if (!f.arguments().isEmpty()) {
                params.add(argsName + ": " + types.use(TypesWriter.argsType(f)));
            }
            params.add("options?: " + options);
            String sent = f.arguments().isEmpty() ? "{}" : argsName;
            String doc;
            String returns;
            String body;
            if (f.isContext()) {
                doc = docs.summary(f)
                        .orElse("Reads the " + DocComments.scopeWord(f) + " context " + f.name()
                                + (f.arguments().isEmpty() ? "." : " for these params."));
                returns = "Promise<" + result + ">";
                body = "client.context<" + result + ">(" + TsNames.string(f.name()) + ", " + sent + ", options)";
            } else {
                doc = docs.summary(f).orElse("Calls " + f.name() + ".") + DocComments.refreshes(f);
                returns = "Promise<" + source.type(TsModules.RUNTIME, "CallResult") + "<" + result + ">>";
                body = "client.call<" + result + ">(" + TsNames.string(f.name()) + ", " + sent + ", options)";
            }
            source.block(TsSource.doc("", doc) + "\n"
                    + TsSource.wrapped("", "export function " + f.name(), params, ": " + returns + " {") + "\n"
                    + "  return " + body + ";\n}");
        }
        return source.text();
    }
}
