package io.mizan.codegen;

/**
 * Writes one generated TypeScript file. To add an output ({@code routes.ts}, say), write a class that
 * implements this and register it in {@link TypeScriptGenerator}: the index re-exports it and its
 * names are checked against every other file's.
 *
 * <pre>{@code
 * final class PingWriter implements ModuleWriter {
 *     public String file() { return "ping.ts"; }
 *     public void declare(Generation generation, Exports exports) {
 *         exports.claim("ping", file(), "the ping function");
 *     }
 *     public String write(Generation generation) {
 *         TsSource source = new TsSource();
 *         source.block("export function ping(): string {\n  return 'pong';\n}");
 *         return source.text();
 *     }
 * }
 * }</pre>
 *
 * <p>Writers are stateless: what one generation shares (the client API, the exported names, the doc
 * comments) is in the {@link Generation} they are given.
 */
interface ModuleWriter {

    /** The file's path in the output folder, such as {@code types.ts}. */
    String file();

    /**
     * Claims every name the file exports, before any file is written, so that two exports with one
     * name, or a name TypeScript cannot take, are refused with the Java element to rename.
     */
    void declare(Generation generation, Exports exports);

    /** The file's text. */
    String write(Generation generation);

    /** Whether the file exports only types, so a barrel re-exports its names with {@code export type}. */
    default boolean typesOnly() {
        return false;
    }
}
