package io.mizan.codegen.clash;

import io.mizan.Client;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;

/** Local contexts whose parameters are named like the props React keeps for itself. */
@ApplicationScoped
public class ProviderProps {

    @Client(context = Scope.LOCAL)
    public String byKey(String key) {
        return key;
    }

    @Client(context = Scope.LOCAL)
    public String kids(String children, String name) {
        return children + name;
    }

    @Client(context = Scope.LOCAL)
    public String refd(String ref) {
        return ref;
    }

    @Client(context = Scope.LOCAL)
    public String keyed(String keyName) {
        return keyName;
    }
}
