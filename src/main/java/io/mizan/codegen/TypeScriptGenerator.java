package io.mizan.codegen;

import io.mizan.model.Model;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes the TypeScript a React application uses to call the server's {@code @Client} functions, join
 * its {@code @Channel}s and fill in its {@code @Form}s: types, Zod schemas, plain async functions, React
 * hooks, channel hooks, form definitions and hooks, a barrel, and a copy of the client runtime.
 *
 * <pre>{@code
 * Model model = new ModelBuilder(Auth.PUBLIC).build(List.of(Users.class));
 * Map<String, String> files = new TypeScriptGenerator().generate(model);
 * files.keySet();  // [api.ts, channels.ts, forms.ts, hooks.ts, index.ts, runtime/cache.ts, ..., schemas.ts, types.ts]
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
 * <p>Each file has its own {@link ModuleWriter}; they share one {@link Generation}, built once. The
 * output depends on the model alone: the same model gives the same bytes. Generation is pure and takes
 * no locks, so a benchmark can time {@link #generate} on a model built in memory.
 */
public final class TypeScriptGenerator {

    /** The folder, inside the output folder, that holds the copy of the client runtime. */
    static final String RUNTIME = "runtime/";

    /** The generated files, in the order the index re-exports them. */
    private static final List<ModuleWriter> WRITERS = List.of(
            new TypesWriter(),
            new SchemasWriter(),
            new ApiWriter(),
            new HooksWriter(),
            new ChannelsWriter(),
            new FormsWriter(),
            new IndexWriter());

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
        Generation generation = Generation.of(model, javadoc, WRITERS);
        SortedMap<String, String> files = new TreeMap<>();
        for (ModuleWriter writer : WRITERS) {
            files.put(writer.file(), writer.write(generation));
        }
        RuntimeSources.files().forEach((name, text) -> files.put(RUNTIME + name, text));
        return Collections.unmodifiableSortedMap(files);
    }
}
