package io.mizan.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.codegen.fixture.FixtureApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs the real TypeScript compiler, with {@code --strict}, the client's own strict options and
 * {@code exactOptionalPropertyTypes}, over the generated code, the runtime copy and an example of use
 * ({@code codegen/usage.tsx}), with the packages installed in {@code client/node_modules}. Lines of the example marked
 * {@code @ts-expect-error} must fail to compile, so the types are checked to refuse wrong calls too.
 */
class TypeScriptCompileTest {

    @Test
    void generatedCodeCompilesUnderStrict(@TempDir Path dir) throws Exception {
        NodeTools.requireInstalled();
        for (String module : List.of("zod", "react", "@types/react", "@tanstack/react-query")) {
            assertTrue(
                    Files.isDirectory(NodeTools.MODULES.resolve(module)),
                    module + " is missing from " + NodeTools.MODULES);
        }
        NodeTools.write(dir, new TypeScriptGenerator().generate(FixtureApp.model()));
        standInForTheChannelRuntime(dir);
        try (InputStream usage = getClass().getResourceAsStream("/codegen/usage.tsx")) {
            assertNotNull(usage);
            Files.write(dir.resolve("usage.tsx"), usage.readAllBytes());
        }
        Files.writeString(dir.resolve("tsconfig.json"), tsconfig(), StandardCharsets.UTF_8);

        NodeTools.Result tsc = NodeTools.tsc(dir, "--strict", "--noEmit", "--pretty", "false");
        assertEquals(0, tsc.code(), () -> "tsc --strict failed on the generated code:\n" + tsc.output());
    }

    /**
     * The fixture has a channel, whose hook calls the runtime's {@code useChannel}. Until the runtime in
     * {@code client/src} exports it, the generated code is checked against a stand-in of its declared
     * names (the contract channels.ts is written against), added to the runtime copy in the temporary
     * folder only. As soon as {@code client/src/index.ts} exports {@code useChannel}, the real runtime is
     * checked and this does nothing: delete it then.
     */
    private static void standInForTheChannelRuntime(Path dir) throws IOException {
        String index = Files.readString(NodeTools.CLIENT.resolve("src/index.ts"), StandardCharsets.UTF_8);
        if (Pattern.compile("\\buseChannel\\b").matcher(index).find()) {
            return;
        }
        Files.writeString(
                dir.resolve("runtime/channelStandIn.ts"),
                """
                import type { MizanError } from './errors';

                export type SocketStatus = 'connecting' | 'open' | 'closed';
                export interface PresenceMember { user: string | null; sockets: number; }
                export interface ChannelOptions<M> { onMessage?(m: M): void; keep?: number; enabled?: boolean; }
                export interface ChannelState<M> {
                  messages: M[];
                  send(message: M): void;
                  status: SocketStatus;
                  members: PresenceMember[];
                  error: MizanError | undefined;
                }
                export declare function useChannel<P, M>(
                  channel: string,
                  params: P,
                  options?: ChannelOptions<M>,
                ): ChannelState<M>;
                """,
                StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("runtime/index.ts"),
                """
                export { useChannel } from './channelStandIn';
                export type { ChannelOptions, ChannelState, PresenceMember, SocketStatus } from './channelStandIn';
                """,
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }

    private static String tsconfig() throws IOException {
        String modules = NodeTools.modules();
        return """
                {
                  "compilerOptions": {
                    "target": "ES2020",
                    "lib": ["ES2020", "DOM", "DOM.Iterable"],
                    "module": "ESNext",
                    "moduleResolution": "bundler",
                    "moduleDetection": "force",
                    "jsx": "react-jsx",
                    "strict": true,
                    "noUncheckedIndexedAccess": true,
                    "exactOptionalPropertyTypes": true,
                    "noImplicitOverride": true,
                    "noImplicitReturns": true,
                    "noFallthroughCasesInSwitch": true,
                    "noUnusedLocals": true,
                    "noUnusedParameters": true,
                    "verbatimModuleSyntax": true,
                    "isolatedModules": true,
                    "skipLibCheck": true,
                    "noEmit": true,
                    "baseUrl": ".",
                    "paths": {
                      "react": ["%1$s/@types/react"],
                      "react/*": ["%1$s/@types/react/*"],
                      "*": ["%1$s/*"]
                    },
                    "typeRoots": ["%1$s/@types"],
                    "types": []
                  },
                  "include": ["**/*.ts", "**/*.tsx"]
                }
                """
                .formatted(modules);
    }
}
