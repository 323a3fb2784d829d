package io.mizan.codegen;

import java.util.List;
import java.util.Set;

/**
 * Writes {@code index.ts}: a barrel of the runtime and of every other generated file, so an
 * application imports everything from one place.
 *
 * <pre>{@code
 * export * from './runtime';
 * export * from './types';
 * export * from './schemas';
 * export * from './api';
 * export * from './hooks';
 * export * from './channels';
 * export * from './forms';
 * }</pre>
 *
 * <p>{@code export *} leaves out a name that two modules export, so a name both the runtime and the
 * application export is re-exported by name from the application's file: there, the application's wins.
 */
final class IndexWriter implements ModuleWriter {

    static final String FILE = "index.ts";

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public void declare(Generation generation, Exports exports) {
        // exports nothing of its own
    }

    @Override
    public String write(Generation generation) {
        List<ModuleWriter> modules = generation.writers().stream()
                .filter(w -> !w.file().equals(FILE))
                .toList();
        StringBuilder out = new StringBuilder(TsSource.HEADER).append("\n\n");
        out.append("export * from '").append(TsModules.RUNTIME).append("';\n");
        for (ModuleWriter module : modules) {
            out.append("export * from '").append(TsModules.of(module.file())).append("';\n");
        }
        Set<String> runtime = RuntimeSources.exports();
        boolean first = true;
        for (ModuleWriter module : modules) {
            List<String> shadowing = generation.exports().namesIn(module.file()).stream()
                    .filter(runtime::contains)
                    .toList();
            if (shadowing.isEmpty()) {
                continue;
            }
            if (first) {
                out.append(
                        "\n// Also exported by the runtime under these names; here they mean the application's own.\n");
                first = false;
            }
            out.append("export ")
                    .append(module.typesOnly() ? "type " : "")
                    .append("{ ")
                    .append(String.join(", ", shadowing))
                    .append(" } from '")
                    .append(TsModules.of(module.file()))
                    .append("';\n");
        }
        return out.toString();
    }
}
