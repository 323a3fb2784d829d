package io.mizan.codegen;

import io.mizan.model.FormFieldModel;
import io.mizan.model.FormModel;
import io.mizan.model.TypeRef;
import io.mizan.schema.ClientApi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes {@code forms.ts}: per {@code @Form}, a constant that describes it (its fields with labels,
 * widgets and choices, and its record's schema from {@code schemas.ts}), enough for the runtime's
 * {@code <MizanForm>} to render it, and a React hook over the runtime's {@code useMizanForm}.
 *
 * <pre>{@code
 * export const contactForm: FormDefinition<ContactForm, Sent> = {
 *   name: 'contact', title: 'Contact Us', parameter: 'form',
 *   fields: [{ name: 'email', type: 'string', label: 'Email', widget: 'email', required: true }, ...],
 *   schema: contactFormSchema,
 * };
 * export function useContactForm(options?: MizanFormOptions<ContactForm, Sent>): MizanFormState<ContactForm, Sent>
 *
 * const form = useContactForm();   // { values, errors, field, submit, isSubmitting, result, reset, ... }
 * <MizanForm definition={contactForm} />
 * }</pre>
 */
final class FormsWriter implements ModuleWriter {

    static final String FILE = "forms.ts";

    private static final String HOOK = "useMizanForm";

    /** What forms.ts uses besides the application's types, which an imported type must not shadow. */
    private static final Set<String> RUNTIME_NAMES =
            Set.of("FormDefinition", "MizanFormOptions", "MizanFormState", HOOK);

    /** {@code useContactForm}. */
    static String hook(FormModel form) {
        return "use" + TsNames.upperFirst(form.name()) + "Form";
    }

    /** {@code contactForm}: the constant that describes the form. */
    static String constant(FormModel form) {
        return TsNames.lowerFirst(form.name()) + "Form";
    }

    private static String where(FormModel form) {
        return "the form " + form.name() + " (" + form.submit().where() + ")";
    }

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public void declare(Generation generation, Exports exports) {
        for (FormModel form : generation.api().forms()) {
            exports.claim(constant(form), FILE, "the constant of " + where(form));
            exports.claim(hook(form), FILE, "the hook of " + where(form));
        }
    }

    @Override
    public String write(Generation generation) {
        List<FormModel> forms = generation.api().forms();
        TsSource source = new TsSource();
        Set<String> exported = new HashSet<>();
        Set<String> schemas = new HashSet<>();
        Set<String> referenced = new TreeSet<>();
        for (FormModel form : forms) {
            exported.add(constant(form));
            exported.add(hook(form));
            schemas.add(schema(form));
            ClientApi.names(form.type(), referenced::add);
            ClientApi.names(form.submit().result(), referenced::add);
        }
        Set<String> taken = new HashSet<>(TypeImports.GLOBALS);
        taken.addAll(RUNTIME_NAMES);
        taken.addAll(exported);
        taken.addAll(schemas);
        TypeImports types = new TypeImports(source, referenced, taken);
        TsTypes ts = types.renderer();
        for (FormModel form : forms) {
            String record = ts.render(form.type());
            String result = ts.render(form.submit().result());
            String typeArgs = "<" + record + ", " + result + ">";
            source.block(TsSource.docWrapped(
                            "",
                            "The form " + form.name() + ": its fields with labels and widgets, and the schema that"
                                    + " checks it, for useMizanForm and <MizanForm>.")
                    + "\nexport const " + constant(form) + ": "
                    + source.type(TsModules.RUNTIME, "FormDefinition") + typeArgs + " = {\n"
                    + "  name: " + TsNames.string(form.name()) + ",\n"
                    + "  title: " + TsNames.string(form.title()) + ",\n"
                    + "  parameter: " + TsNames.string(form.parameter()) + ",\n"
                    + fields(form.fields())
                    + "  schema: " + source.value(TsModules.SCHEMAS, schema(form)) + ",\n"
                    + "};");
            // a form called mizan exports its own useMizanForm: the runtime's is then imported under another name
            String runtimeHook = exported.contains(HOOK)
                    ? source.value(TsModules.RUNTIME, HOOK, "runtimeUseMizanForm")
                    : source.value(TsModules.RUNTIME, HOOK);
            String summary = generation
                    .docs()
                    .summary(form.submit())
                    .orElse("Fills in and submits the form " + form.name() + ".");
            source.block(TsSource.docWrapped(
                            "",
                            summary + " Checks with its schema as the user goes, and maps the server's errors onto"
                                    + " its fields." + DocComments.refreshes(form.submit()))
                    + "\n"
                    + TsSource.wrapped(
                            "",
                            "export function " + hook(form),
                            List.of("options?: " + source.type(TsModules.RUNTIME, "MizanFormOptions") + typeArgs),
                            ": " + source.type(TsModules.RUNTIME, "MizanFormState") + typeArgs + " {")
                    + "\n  return " + runtimeHook + "(" + constant(form) + ", options);\n}");
        }
        return source.text();
    }

    /** {@code contactFormSchema}: the schema of the form's record, in schemas.ts. */
    private static String schema(FormModel form) {
        return SchemasWriter.typeSchema(((TypeRef.ObjectRef) form.type()).name());
    }

    /**
     * A {@code @NotNull}'s own message, for the runtime to show when the field is left empty: the
     * schema cannot carry it, since a missing value fails the field's type before any constraint.
     */
    private static java.util.Optional<String> requiredMessage(FormFieldModel field) {
        return field.constraints().stream()
                .filter(c -> c.isStandard("NotNull"))
                .map(c -> c.attributes().get("message"))
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .findFirst();
    }

    private static String fields(List<FormFieldModel> fields) {
        if (fields.isEmpty()) {
            return "  fields: [],\n";
        }
        StringBuilder out = new StringBuilder("  fields: [\n");
        for (FormFieldModel field : fields) {
            List<String> properties = new ArrayList<>();
            properties.add("name: " + TsNames.string(field.name()));
            properties.add("type: " + TsNames.string(field.typeName()));
            properties.add("label: " + TsNames.string(field.label()));
            properties.add("widget: " + TsNames.string(field.widget()));
            properties.add("required: " + field.required());
            requiredMessage(field).ifPresent(m -> properties.add("requiredMessage: " + TsNames.string(m)));
            if (field.offset()) {
                properties.add("offset: true");
            }
            if (!field.help().isEmpty()) {
                properties.add("help: " + TsNames.string(field.help()));
            }
            if (!field.placeholder().isEmpty()) {
                properties.add("placeholder: " + TsNames.string(field.placeholder()));
            }
            if (!field.choices().isEmpty()) {
                properties.add("choices: ["
                        + String.join(
                                ", ",
                                field.choices().stream().map(TsNames::string).toList())
                        + "]");
            }
            String inline = "    { " + String.join(", ", properties) + " },";
            if (inline.length() <= TsSource.WIDTH) {
                out.append(inline).append('\n');
            } else {
                out.append("    {\n");
                properties.forEach(p -> out.append("      ").append(p).append(",\n"));
                out.append("    },\n");
            }
        }
        return out.append("  ],\n").toString();
    }
}
