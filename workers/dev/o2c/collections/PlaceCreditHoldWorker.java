package dev.o2c.collections;

import dev.o2c.customers.CustomerService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** place-credit-hold: the collector decided no more deliveries on credit until this is sorted out. */
@Component
public class PlaceCreditHoldWorker {

    private final CustomerService customers;

    PlaceCreditHoldWorker(CustomerService customers) {
        this.customers = customers;
    }

    @JobWorker(type = "place-credit-hold")
    public void placeHold(
            @Variable Long customerId,
            @Variable String invoiceNumber,
            @Variable String completedBy,
            @Variable String followUpNote) {
        customers.placeOnCreditHold(
                customerId,
                completedBy == null ? "system" : completedBy,
                "collections follow-up on " + invoiceNumber + ": " + followUpNote);
    }
}
