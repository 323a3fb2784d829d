package io.mizan.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The walk of the server's filter processing, over one operation or schema: each part passed through
 * the filter after its children, and one the filter turns into {@code null} removed.
 */
final class FilterWalk {

    private FilterWalk() {}

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
