package io.mizan.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.Auth;
import io.mizan.codegen.fixture.FixtureApp;
import io.mizan.codegen.forms.FormClashes;
import io.mizan.codegen.forms.MizanForms;
import io.mizan.codegen.forms.TopicForms;
import io.mizan.model.Model;
import io.mizan.model.ModelBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** forms.ts: what the fixture's forms give beyond the golden file, and names that collide. */
class FormsWriterTest {

    private static Map<String, String> generate(Class<?>... beans) {
        Model model = new ModelBuilder(Auth.PUBLIC).build(List.of(beans));
        return new TypeScriptGenerator().generate(model);
    }

    @Test
    void aFormsSubmitIsNoFunctionOfItsOwnButRefreshesWhatItAffects() {
        Map<String, String> files = new TypeScriptGenerator().generate(FixtureApp.model());
        for (String file : List.of("api.ts", "hooks.ts", "schemas.ts")) {
            assertTrue(
                    !files.get(file).contains("contact.submit'")
                            && !files.get(file).contains("useContact("),
                    file);
        }
        assertTrue(files.get("hooks.ts").contains("Reads the global context inbox. Refreshed by: contact.submit."));
        String forms = files.get("forms.ts");
        assertTrue(forms.contains("Refreshes: inbox."), forms);
        assertTrue(forms.contains("  schema: contactFormSchema,\n"), forms);
        assertTrue(files.get("schemas.ts").contains("export const contactFormSchema = z.object({"));
        assertTrue(files.get("index.ts").contains("export * from './forms';"));
    }

    @Test
    void aFieldsOwnMessageForAMissingValueReachesTheBrowser() {
        String forms = generate(TopicForms.class).get("forms.ts");
        assertTrue(forms.contains("      required: true,\n      requiredMessage: 'Choose a topic',\n"), forms);
        assertTrue(forms.indexOf("requiredMessage") < forms.indexOf("name: 'fallback'"), forms);
        // the default message is the runtime's own: not repeated per field
        assertEquals(1, forms.split("requiredMessage", -1).length - 1, forms);
    }

    @Test
    void theHandlersJavadocIsTheHooksSummary() {
        String forms = new TypeScriptGenerator(JavadocTest.DOCS)
                .generate(FixtureApp.model())
                .get("forms.ts");
        assertTrue(
                forms.contains("/**\n * Sends a message to the team. Checks with its schema as the user goes"), forms);
    }

    @Test
    void aFormCalledMizanImportsTheRuntimesHookUnderAnotherName(@TempDir Path dir) throws Exception {
        Map<String, String> files = generate(MizanForms.class);
        String forms = files.get("forms.ts");
        assertTrue(forms.contains("import { useMizanForm as runtimeUseMizanForm } from './runtime';"), forms);
        assertTrue(forms.contains("import type { FormDefinition as FormDefinitionType } from './types';"), forms);
        assertTrue(forms.contains("export const mizanForm: FormDefinition<FormDefinitionType, string> = {"), forms);
        assertTrue(forms.contains("  title: 'Say it\\'s \"Mizan\"',\n"), forms);
        assertTrue(forms.contains("  parameter: 'words',\n"), forms);
        assertTrue(forms.contains("  return runtimeUseMizanForm(mizanForm, options);"), forms);
        assertTrue(
                forms.contains("{ name: 'shade', type: 'string', label: 'Shade', widget: 'select', required: true,"
                                + " choices: ['LIGHT', 'DARK'] },")
                        || forms.contains("      choices: ['LIGHT', 'DARK'],\n"),
                forms);
        String index = files.get("index.ts");
        assertTrue(
                index.contains("export { mizanForm, useMizanForm } from './forms';")
                        || index.contains("export { useMizanForm } from './forms';"),
                index);

        NodeTools.requireInstalled();
        NodeTools.write(dir, files);
        Files.writeString(
                dir.resolve("usage.tsx"),
                """
                import { useMizanForm } from './index';
                import type { FormDefinition } from './index';

                export function Words(): string {
                  const form = useMizanForm({ initialValues: { shade: 'DARK' } });
                  const words: FormDefinition = { word: 'hi', shade: 'LIGHT' };
                  return String(form.values.word) + words.word + (form.result ?? '');
                }
                """,
                StandardCharsets.UTF_8);
        NodeTools.Result tsc = NodeTools.typecheck(dir);
        assertEquals(0, tsc.code(), tsc.output());
    }

    @Test
    void aFormsConstantTakenByAFunctionIsRefusedWithTheFix() {
        GenerationException e = assertThrows(GenerationException.class, () -> generate(FormClashes.class));
        // the function's hook, useContactForm, is the form's too
        assertEquals(2, e.problems().size(), e.problems().toString());
        assertTrue(
                e.problems()
                        .get(0)
                        .startsWith("MIZAN-030 index.ts: the generated name 'contactForm' is taken twice: by the"
                                + " function io.mizan.codegen.forms.FormClashes.contactForm and by the constant of"
                                + " the form contact (io.mizan.codegen.forms.FormClashes.contact)."),
                e.problems().get(0));
        assertTrue(
                e.problems().get(1).contains("'useContactForm' is taken twice"),
                e.problems().get(1));
    }

    @Test
    void anApplicationWithoutFormsGivesAnEmptyModule() {
        assertEquals(
                TsSource.HEADER + "\n\nexport {};\n",
                generate(io.mizan.codegen.names.Lobby.class).get("forms.ts"));
    }
}
