package io.mizan.codegen;

import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.schema.ClientApi;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the writers of one generation share, built once: the part of the model a browser sees, the
 * names every file exports, and the doc comments. Building it checks the names; a name that cannot
 * be written stops the generation before any file is written.
 *
 * <pre>{@code
 * Generation generation = Generation.of(model, javadoc, writers);
 * generation.api().functions();                 // what the browser may call
 * generation.exports().fileOf("useUpdateName"); // Optional[hooks.ts]
 * }</pre>
 */
final class Generation {

    private final ClientApi api;
    private final DocComments docs;
    private final List<ModuleWriter> writers;
    private final Exports exports = new Exports();

    private Generation(ClientApi api, Javadoc javadoc, List<ModuleWriter> writers) {
        this.api = api;
        this.docs = new DocComments(javadoc, api);
        this.writers = List.copyOf(writers);
    }

    /**
     * @throws GenerationException when a name of the application cannot be written in TypeScript
     */
    static Generation of(Model model, Javadoc javadoc, List<ModuleWriter> writers) {
        Generation generation = new Generation(ClientApi.of(model), javadoc, writers);
        for (ModuleWriter writer : generation.writers) {
            writer.declare(generation, generation.exports);
        }
        if (!generation.exports.problems().isEmpty()) {
            throw new GenerationException(generation.exports.problems());
        }
        return generation;
    }

    /** The functions the browser may call and the types they reach. */
    ClientApi api() {
        return api;
    }

    DocComments docs() {
        return docs;
    }

    /** Every generated name, and the file that exports it. */
    Exports exports() {
        return exports;
    }

    /** The files being generated, in the order they are registered. */
    List<ModuleWriter> writers() {
        return writers;
    }

    /** The types the call and hook files refer to: the results, and the arguments types. */
    Set<String> referencedTypes() {
        Set<String> names = new TreeSet<>();
        for (FunctionModel f : api.functions()) {
            ClientApi.names(f.result(), names::add);
            if (!f.arguments().isEmpty()) {
                names.add(TypesWriter.argsType(f));
            }
        }
        return names;
    }
}
