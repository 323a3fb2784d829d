package io.mizan.inprocess.access.once;

import io.mizan.Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Placing an order reserves stock and, for staff, reads a report: functions of other beans. */
@ApplicationScoped
public class Orders {

    @Inject
    Stock stock;

    @Inject
    Reports reports;

    @Client(check = CountingCheck.class)
    public String place(String item) {
        return stock.reserve(item);
    }

    @Client
    public String placeWithReport(String item) {
        return item + " with " + reports.weekly();
    }
}
