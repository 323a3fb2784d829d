package io.mizan.openapi;

import io.mizan.messages.Messages;
import io.mizan.model.Model;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.callbacks.Callback;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.links.Link;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.servers.Server;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code mp.openapi.filter} Mizan sets ({@link OpenApiFilterSetting}): it adds every function and
 * context of the application to the server's OpenAPI document ({@link OpenApiDocument}) and runs the
 * filter the application set, if any, as if it were the only one.
 *
 * <p>When: Payara builds an application's document at the first request of {@code /openapi} (its
 * {@code OpenAPISupplier}), creating the filter then with its public no-argument constructor; the filter
 * visits every part of the document, children first, and {@code filterOpenAPI} comes last. So Mizan adds
 * its part in {@code filterOpenAPI}, then passes what it added through the application's filter the same
 * way (children first, {@code null} removes), and last calls the application's {@code filterOpenAPI}: the
 * application's filter sees every part once, Mizan's included. CDI is no help at that point (another
 * application's request thread), so the model comes from {@link OpenApiState}.
 *
 * <p>Nothing the document has already is replaced: a path, a schema or a security scheme of the same name
 * stays the application's own (a static {@code META-INF/openapi.yaml} can describe a function by hand).
 */
public class MizanOpenApiFilter implements OASFilter {

    private static final Logger LOG = Logger.getLogger(MizanOpenApiFilter.class.getName());

    private final OASFilter application;

    /** The filter the server creates: with the application's own filter, if it set one. */
    public MizanOpenApiFilter() {
        this(applicationsFilter());
    }

    /** With this filter of the application's (null: none). */
    MizanOpenApiFilter(OASFilter application) {
        this.application = application;
    }

    private static OASFilter applicationsFilter() {
        String name = OpenApiFilterSetting.applicationsFilter();
        if (name == null) {
            return null;
        }
        try {
            return (OASFilter) Class.forName(name, true, MizanOpenApiFilter.class.getClassLoader())
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, Messages.openApiFilterNotCreated(name), e);
            return null;
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Added added = null;
        Model model = OpenApiState.model();
        if (model != null) {
            try {
                added = add(api, model, OpenApiState.base(), OpenApiState.sessionCookie());
            } catch (RuntimeException | LinkageError e) {
                // the document stays what the server made of the application; the rest of it still answers
                LOG.log(Level.WARNING, Messages.openApiNotAdded(), e);
            }
        }
        if (application != null) {
            if (added != null) {
                added.filter(api, application);
            }
            application.filterOpenAPI(api);
        }
    }

    /** The parts Mizan added, for the application's filter. */
    record Added(List<String> paths, List<String> schemas, List<String> securitySchemes) {

        /** Passes each added part through the filter, children first; a part it turns into null is removed. */
        void filter(OpenAPI api, OASFilter filter) {
            for (String path : paths) {
                PathItem item = api.getPaths().getPathItem(path);
                for (Map.Entry<PathItem.HttpMethod, Operation> e :
                        item.getOperations().entrySet()) {
                    Operation operation = Walk.operation(e.getValue(), filter);
                    item.setOperation(e.getKey(), operation);
                }
                if (filter.filterPathItem(item) == null) {
                    api.getPaths().removePathItem(path);
                }
            }
            Components components = api.getComponents();
            for (String name : schemas) {
                if (Walk.schema(components.getSchemas().get(name), filter) == null) {
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

    /** Adds Mizan's part to the document; what the document has already stays. */
    static Added add(OpenAPI api, Model model, String base, String sessionCookie) {
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
        return new Added(paths, schemas, securitySchemes);
    }

    /** The walk of the server's filter processing, over one operation or schema. */
    static final class Walk {

        private Walk() {}

        static Operation operation(Operation operation, OASFilter filter) {
            if (operation.getParameters() != null) {
                List<Parameter> kept = new ArrayList<>();
                for (Parameter p : operation.getParameters()) {
                    if (p.getSchema() != null) {
                        p.setSchema(schema(p.getSchema(), filter));
                    }
                    Parameter filtered = filter.filterParameter(p);
                    if (filtered != null) {
                        kept.add(filtered);
                    }
                }
                operation.setParameters(kept);
            }
            RequestBody body = operation.getRequestBody();
            if (body != null) {
                if (body.getContent() != null) {
                    body.getContent().getMediaTypes().values().forEach(m -> m.setSchema(schema(m.getSchema(), filter)));
                }
                operation.setRequestBody(filter.filterRequestBody(body));
            }
            if (operation.getResponses() != null) {
                for (Map.Entry<String, APIResponse> e :
                        Map.copyOf(operation.getResponses().getAPIResponses()).entrySet()) {
                    APIResponse response = e.getValue();
                    if (response.getHeaders() != null) {
                        for (Map.Entry<String, Header> h :
                                Map.copyOf(response.getHeaders()).entrySet()) {
                            Header header = h.getValue();
                            header.setSchema(schema(header.getSchema(), filter));
                            if (filter.filterHeader(header) == null) {
                                response.removeHeader(h.getKey());
                            }
                        }
                    }
                    if (response.getContent() != null) {
                        response.getContent()
                                .getMediaTypes()
                                .values()
                                .forEach(m -> m.setSchema(schema(m.getSchema(), filter)));
                    }
                    if (filter.filterAPIResponse(response) == null) {
                        operation.getResponses().removeAPIResponse(e.getKey());
                    }
                }
            }
            return filter.filterOperation(operation);
        }

        static Schema schema(Schema schema, OASFilter filter) {
            if (schema == null) {
                return null;
            }
            if (schema.getProperties() != null) {
                for (Map.Entry<String, Schema> e :
                        Map.copyOf(schema.getProperties()).entrySet()) {
                    Schema property = schema(e.getValue(), filter);
                    if (property == null) {
                        schema.removeProperty(e.getKey());
                    } else {
                        schema.addProperty(e.getKey(), property);
                    }
                }
            }
            if (schema.getItems() != null) {
                schema.setItems(schema(schema.getItems(), filter));
            }
            if (schema.getAdditionalPropertiesSchema() != null) {
                schema.setAdditionalPropertiesSchema(schema(schema.getAdditionalPropertiesSchema(), filter));
            }
            if (schema.getAllOf() != null) {
                List<Schema> kept = new ArrayList<>();
                for (Schema s : schema.getAllOf()) {
                    Schema filtered = schema(s, filter);
                    if (filtered != null) {
                        kept.add(filtered);
                    }
                }
                schema.setAllOf(kept);
            }
            return filter.filterSchema(schema);
        }
    }

    // everything else is the application's filter's, when there is one

    @Override
    public PathItem filterPathItem(PathItem pathItem) {
        return application == null ? pathItem : application.filterPathItem(pathItem);
    }

    @Override
    public Operation filterOperation(Operation operation) {
        return application == null ? operation : application.filterOperation(operation);
    }

    @Override
    public Parameter filterParameter(Parameter parameter) {
        return application == null ? parameter : application.filterParameter(parameter);
    }

    @Override
    public Header filterHeader(Header header) {
        return application == null ? header : application.filterHeader(header);
    }

    @Override
    public RequestBody filterRequestBody(RequestBody requestBody) {
        return application == null ? requestBody : application.filterRequestBody(requestBody);
    }

    @Override
    public APIResponse filterAPIResponse(APIResponse apiResponse) {
        return application == null ? apiResponse : application.filterAPIResponse(apiResponse);
    }

    @Override
    public Schema filterSchema(Schema schema) {
        return application == null ? schema : application.filterSchema(schema);
    }

    @Override
    public SecurityScheme filterSecurityScheme(SecurityScheme securityScheme) {
        return application == null ? securityScheme : application.filterSecurityScheme(securityScheme);
    }

    @Override
    public Server filterServer(Server server) {
        return application == null ? server : application.filterServer(server);
    }

    @Override
    public Tag filterTag(Tag tag) {
        return application == null ? tag : application.filterTag(tag);
    }

    @Override
    public Link filterLink(Link link) {
        return application == null ? link : application.filterLink(link);
    }

    @Override
    public Callback filterCallback(Callback callback) {
        return application == null ? callback : application.filterCallback(callback);
    }
}
