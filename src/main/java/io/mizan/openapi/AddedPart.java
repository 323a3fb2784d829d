package io.mizan.openapi;

import io.mizan.model.Model;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The part of the server's document Mizan added ({@link OpenApiDocument}), by name, so the
 * application's filter can be run over it: what the document had already is not in it.
 *
 * @param paths the paths added
 * @param schemas the component schemas added
 * @param securitySchemes the security schemes added
 */
record AddedPart(List<String> paths, List<String> schemas, List<String> securitySchemes) {

    /** Adds Mizan's part to the document; what the document has already stays. */
    static AddedPart add(OpenAPI api, Model model, String base, String sessionCookie) {
        if (api.getPaths() == null) {
            api.setPaths(OASFactory.createPaths());
        }
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        Components components = api.getComponents();
        List<String> schemes = components.getSecuritySchemes() == null
                ? List.of()
                : List.copyOf(components.getSecuritySchemes().keySet());
        JsonObject part = OpenApiDocument.of(model, base, schemes, sessionCookie);
        // the catch-all methods of Mizan's resource ({path: .*}), which the server's scanner finds when it
        // scans libraries (mp.openapi.extensions.scan.lib): the paths below describe them one by one
        if (api.getPaths().getPathItems() != null) {
            List.copyOf(api.getPaths().getPathItems().keySet()).stream()
                    .filter(path -> path.startsWith(base + "/{"))
                    .forEach(api.getPaths()::removePathItem);
        }
        List<String> paths = new ArrayList<>();
        part.getJsonObject("paths").forEach((path, item) -> {
            if (!api.getPaths().hasPathItem(path)) {
                api.getPaths().addPathItem(path, OpenApiModels.pathItem(item.asJsonObject()));
                paths.add(path);
            }
        });
        JsonObject parts = part.getJsonObject("components");
        List<String> schemas = new ArrayList<>();
        parts.getJsonObject("schemas").forEach((name, schema) -> {
            if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
                components.addSchema(name, OpenApiModels.schema(schema.asJsonObject()));
                schemas.add(name);
            }
        });
        List<String> securitySchemes = new ArrayList<>();
        if (parts.get("securitySchemes") instanceof JsonObject declared) {
            declared.forEach((name, scheme) -> {
                components.addSecurityScheme(name, OpenApiModels.securityScheme(scheme.asJsonObject()));
                securitySchemes.add(name);
            });
        }
        return new AddedPart(paths, schemas, securitySchemes);
    }

    /** Passes each added part through the filter, children first; a part it turns into null is removed. */
    void filter(OpenAPI api, OASFilter filter) {
        for (String path : paths) {
            PathItem item = api.getPaths().getPathItem(path);
            for (Map.Entry<PathItem.HttpMethod, Operation> e :
                    item.getOperations().entrySet()) {
                Operation operation = FilterWalk.operation(e.getValue(), filter);
                item.setOperation(e.getKey(), operation);
            }
            if (filter.filterPathItem(item) == null) {
                api.getPaths().removePathItem(path);
            }
        }
        Components components = api.getComponents();
        for (String name : schemas) {
            if (FilterWalk.schema(components.getSchemas().get(name), filter) == null) {
                components.removeSchema(name);
            }
        }
        for (String name : securitySchemes) {
            if (filter.filterSecurityScheme(components.getSecuritySchemes().get(name)) == null) {
                components.removeSecurityScheme(name);
            }
        }
    }
}
