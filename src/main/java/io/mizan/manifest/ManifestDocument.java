package io.mizan.manifest;

import io.mizan.model.ChannelModel;
import io.mizan.model.FormModel;
import io.mizan.model.FunctionModel;
import io.mizan.model.Model;
import io.mizan.model.ParamModel;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The invalidation graph served at {@code GET <base>/manifest}, for edge caches and tools: every
 * context with its scope and parameters, every function with what it affects and how each key is
 * scoped, every channel with whether it has presence, and every form with the functions it adds (its
 * submit is among the functions, with what it affects). Keys are sorted, so the same application
 * gives the same text.
 *
 * <pre>{@code
 * {"channels": {"chat": {"presence": true}},
 *  "forms": {"contact": {"schema": "contact.schema", "submit": "contact.submit", "title": "Contact Us",
 *                        "validate": "contact.validate"}},
 *  "contexts": {"userProfile": {"params": ["userId"], "scope": "local"}},
 *  "functions": {"updateProfile": {"affects": ["userProfile"], "scope": "none", "scopedBy": {"userProfile": ["userId"]},
 *                                  "serverOnly": false, "viewPath": true}}}
 * }</pre>
 */
public final class ManifestDocument {

    private static final JsonProvider JSON = JsonProvider.provider();

    private ManifestDocument() {}

    public static String toJson(Model model) {
        JsonObjectBuilder channels = JSON.createObjectBuilder();
        for (ChannelModel c : model.channels().values()) {
            channels.add(c.name(), JSON.createObjectBuilder().add("presence", c.presence()));
        }
        JsonObjectBuilder contexts = JSON.createObjectBuilder();
        for (FunctionModel c : model.contexts()) {
            contexts.add(
                    c.name(),
                    JSON.createObjectBuilder()
                            .add(
                                    "params",
                                    strings(c.arguments().stream()
                                            .map(ParamModel::name)
                                            .sorted()
                                            .toList()))
                            .add("scope", c.scope().name().toLowerCase(Locale.ROOT)));
        }
        JsonObjectBuilder functions = JSON.createObjectBuilder();
        for (FunctionModel f : model.functions().values()) {
            JsonObjectBuilder scopedBy = JSON.createObjectBuilder();
            for (Map.Entry<String, List<String>> e : new java.util.TreeMap<>(f.scopedBy()).entrySet()) {
                scopedBy.add(e.getKey(), strings(e.getValue()));
            }
            functions.add(
                    f.name(),
                    JSON.createObjectBuilder()
                            .add("affects", strings(f.affects()))
                            .add("scope", f.scope().name().toLowerCase(Locale.ROOT))
                            .add("scopedBy", scopedBy)
                            .add("serverOnly", f.serverOnly())
                            .add("viewPath", f.viewPath()));
        }
        JsonObjectBuilder forms = JSON.createObjectBuilder();
        for (FormModel form : model.forms().values()) {
            forms.add(
                    form.name(),
                    JSON.createObjectBuilder()
                            .add("schema", form.name() + FormModel.SCHEMA)
                            .add("submit", form.submit().name())
                            .add("title", form.title())
                            .add("validate", form.name() + FormModel.VALIDATE));
        }
        return JSON.createObjectBuilder()
                .add("channels", channels)
                .add("contexts", contexts)
                .add("forms", forms)
                .add("functions", functions)
                .build()
                .toString();
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
