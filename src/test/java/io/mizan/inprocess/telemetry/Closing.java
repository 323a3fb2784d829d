package io.mizan.inprocess.telemetry;

import io.mizan.Client;
import io.mizan.MizanException;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;

/** A global context that refuses on purpose while it runs: the shop is closed. */
@ApplicationScoped
public class Closing {

    @Client(context = Scope.GLOBAL)
    public String openingHours() {
        throw new MizanException(409, "Closed for stocktaking");
    }
}
