package io.mizan.it.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * A test application's own {@code mp.openapi.filter}: it marks every operation it sees and the document,
 * so that the test can tell it ran, over Mizan's operations too.
 */
public class ApplicationFilter implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        return operation.addExtension("x-seen-by-application", true);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getInfo().addExtension("x-filtered-by-application", true);
    }
}
