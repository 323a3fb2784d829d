package io.mizan.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.Auth;
import io.mizan.codegen.clash.ChannelClashes;
import io.mizan.codegen.clash.Clashes;
import io.mizan.codegen.clash.ProviderProps;
import io.mizan.codegen.clash.ReservedTypes;
import io.mizan.codegen.names.Lobby;
import io.mizan.codegen.names.Names;
import io.mizan.codegen.names.TypeVariables;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Application names that collide with TypeScript's, the runtime's or each other. */
class GeneratedNamesTest {

    private static Map<String, String> generate(Class<?>... beans) {
        Model model = new ModelBuilder(Auth.PUBLIC).build(List.of(beans));
        return new TypeScriptGenerator().generate(model);
    }

    @Test
    void typesCalledLikeBuiltInsOrRuntimeNamesAreImportedUnderOtherNames() {
        Map<String, String> files = generate(Names.class);
        String types = files.get("types.ts");
        assertTrue(types.contains("export interface Record {"), types);
        assertTrue(types.contains("byClient: { [key in MizanClient]?: Promise };"), types);
        assertFalse(types.contains("Partial<"), types);
        assertTrue(types.contains("  ['__proto__']: string;\n  'my key': string;\n  class: number;"), types);

        String api = files.get("api.ts");
        assertTrue(
                api.contains("import type { Promise as PromiseType, Record as RecordType, RecordsArgs } from"
                        + " './types';"),
                api);
        assertTrue(api.contains("Promise<CallResult<Record<string, RecordType>>>"), api);
        assertTrue(
                api.contains("export function promised(client: MizanClient, options?: RequestOptions):"
                        + " Promise<PromiseType> {"),
                api);

        String hooks = files.get("hooks.ts");
        assertTrue(hooks.contains("defineLocalContext<Record<string, never>, RecordType>('everything')"), hooks);

        String index = files.get("index.ts");
        assertTrue(index.contains("export type { MizanClient } from './types';"), index);
    }

    @Test
    void typesCalledLikeBuiltInsCompile(@TempDir Path dir) throws Exception {
        NodeTools.requireInstalled();
        NodeTools.write(dir, generate(Names.class));
        Files.writeString(
                dir.resolve("usage.ts"),
                """
                import { createMizanClient, records } from './index';
                import type { MizanClient, Promise as Answer } from './index';

                export async function use(): Promise<number> {
                  const client: MizanClient = 'BROWSER';
                  const answer: Answer = { ['__proto__']: 'x', 'my key': 'abc', class: 1 };
                  const { result } = await records(createMizanClient(), { client, byClient: { SERVER: answer } });
                  return Object.keys(result).length;
                }
                """,
                StandardCharsets.UTF_8);
        NodeTools.Result tsc = NodeTools.typecheck(dir);
        assertEquals(0, tsc.code(), tsc.output());
    }

    @Test
    void typeVariablesNamedLikeZodAReservedWordOrEachOtherCompile(@TempDir Path dir) throws Exception {
        NodeTools.requireInstalled();
        Map<String, String> files = generate(TypeVariables.class);
        String schemas = files.get("schemas.ts");
        assertTrue(schemas.contains("(\n  schemaOfIn: In,\n  schemaOfOut: Out,\n)"), schemas);
        assertTrue(schemas.contains("(\n  schemaOfT: T,\n  schemaOft: t,\n)"), schemas);
        NodeTools.write(dir, files);
        Files.writeString(
                dir.resolve("usage.ts"),
                """
                import { stepArgs, twinArgs, xyzArgs } from './index';

                export const parsed = [
                  (stepArgs.parse({ step: { input: ['a'], output: [1] } }).step.output[0] ?? 0) + 1,
                  twinArgs.parse({ twin: { a: ['a'], b: [1] } }).twin.b[0],
                  xyzArgs.parse({ value: { xs: ['a'], ys: [1], zs: [true] } }).value.zs[0],
                ];
                """,
                StandardCharsets.UTF_8);
        NodeTools.Result tsc = NodeTools.typecheck(dir);
        assertEquals(0, tsc.code(), tsc.output());
    }

    @Test
    void aLocalContextsParameterNamedLikeAPropReactKeepsIsRefusedWithTheFix() {
        GenerationException e = assertThrows(GenerationException.class, () -> generate(ProviderProps.class));
        assertEquals(
                List.of(
                        "MIZAN-050 io.mizan.codegen.clash.ProviderProps.byKey: the local context's parameter 'key' is a"
                                + " prop React keeps for itself, so <ByKeyProvider key={...}> would never pass it on."
                                + " Fix: rename the parameter (not key, children or ref).",
                        "MIZAN-050 io.mizan.codegen.clash.ProviderProps.kids: the local context's parameter 'children'"
                                + " is a prop React keeps for itself, so <KidsProvider children={...}> would never pass"
                                + " it on. Fix: rename the parameter (not key, children or ref).",
                        "MIZAN-050 io.mizan.codegen.clash.ProviderProps.refd: the local context's parameter 'ref' is a"
                                + " prop React keeps for itself, so <RefdProvider ref={...}> would never pass it on."
                                + " Fix: rename the parameter (not key, children or ref)."),
                e.problems());
    }

    @Test
    void aNullableTypeArgumentIsNullableInTheTypesAndTheSchemas() {
        Map<String, String> files = generate(io.mizan.codegen.names.TypeUse.class);
        String api = files.get("types.ts");
        assertTrue(api.contains("names: (string | null)[];"), api);
        assertTrue(api.contains("counts: Record<string, number | null>;"), api);
        String schemas = files.get("schemas.ts");
        assertTrue(schemas.contains("names: z.array(z.string().nullable()),"), schemas);
    }

    @Test
    void reservedWordsAndTwiceTakenNamesAreRefusedWithTheFix() {
        GenerationException e = assertThrows(GenerationException.class, () -> generate(Clashes.class));
        String problems = String.join("\n", e.problems());
        assertTrue(
                problems.contains("MIZAN-031 io.mizan.codegen.clash.Clashes.delete: the function name 'delete' is"
                        + " a reserved word in TypeScript"),
                problems);
        assertTrue(problems.contains("@Client(name = \"...\")"), problems);
        assertTrue(problems.contains("MIZAN-030 index.ts: the generated name 'updateArgs' is taken twice"), problems);
        assertTrue(
                problems.contains("MIZAN-030 index.ts: the generated name 'UpdateArgs' is taken twice: by the type"
                        + " io.mizan.codegen.clash.UpdateArgs"),
                problems);
        assertEquals(3, e.problems().size(), problems);
    }

    @Test
    void aTypeCalledLikeATypeScriptTypeIsRefusedWithTheFix() {
        GenerationException e = assertThrows(GenerationException.class, () -> generate(ReservedTypes.class));
        assertEquals(
                List.of("MIZAN-032 io.mizan.codegen.clash.never: the type name 'never' is a reserved word in"
                        + " TypeScript. Fix: rename the class."),
                e.problems());
    }

    @Test
    void aChannelTypeCalledLikeARuntimeNameIsImportedUnderAnotherName() {
        String channels = generate(Lobby.class).get("channels.ts");
        assertTrue(
                channels.contains("import type { ChannelState as ChannelStateType, Door } from './types';"), channels);
        assertTrue(channels.contains("options?: ChannelOptions<ChannelStateType>,"), channels);
        assertTrue(channels.contains("): ChannelState<ChannelStateType> {"), channels);
        assertTrue(channels.contains("return useChannel<Door, ChannelStateType>('lobby', params, options);"), channels);
    }

    @Test
    void aChannelNameTakenByAFunctionIsRefusedWithTheFix() {
        GenerationException e = assertThrows(
                GenerationException.class, () -> generate(ChannelClashes.class, ChannelClashes.Chat.class));
        // the function's hook, useChatChannel, is the channel's too
        assertEquals(2, e.problems().size(), e.problems().toString());
        assertTrue(
                e.problems()
                        .get(0)
                        .startsWith("MIZAN-030 index.ts: the generated name 'chatChannel' is taken twice: by the"
                                + " function io.mizan.codegen.clash.ChannelClashes.chatChannel and by the constant"
                                + " of the channel chat (io.mizan.codegen.clash.ChannelClashes$Chat)."),
                e.problems().get(0));
        assertTrue(
                e.problems().get(1).contains("'useChatChannel' is taken twice"),
                e.problems().get(1));
    }
}
