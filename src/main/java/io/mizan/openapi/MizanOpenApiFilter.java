package io.mizan.openapi;

import io.mizan.messages.Messages;
import io.mizan.model.Model;
import org.eclipse.microprofile.openapi.OASFilter;
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
        AddedPart added = null;
        Model model = OpenApiState.model();
        if (model != null) {
            try {
                added = AddedPart.add(api, model, OpenApiState.base(), OpenApiState.sessionCookie());
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
