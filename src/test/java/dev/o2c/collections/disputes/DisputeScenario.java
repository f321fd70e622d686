package dev.o2c.collections.disputes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o2c.billing.Invoice;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import dev.o2c.support.Api;
import dev.o2c.support.Scenario;
import dev.o2c.tasks.HumanTask;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** A dispute opened through the API, and the steps a test takes with its process. */
@Component
class DisputeScenario {

    static final CurrentUser SALES = new CurrentUser("sales", Set.of(Groups.SALES));
    static final CurrentUser CLERK = new CurrentUser("clerk", Set.of(Groups.AR_CLERKS));
    static final CurrentUser WAREHOUSE = new CurrentUser("warehouse", Set.of(Groups.WAREHOUSE));
    static final CurrentUser MANAGER = new CurrentUser("manager", Set.of(Groups.CREDIT_MANAGERS));
    static final String RESOLVE = "Task_ResolveDispute";
    static final String RESOLVE_ESCALATED = "Task_ResolveDisputeEscalated";

    private final Api api;
    private final Scenario scenario;
    private final Disputes disputes;

    DisputeScenario(Api api, Scenario scenario, Disputes disputes) {
        this.api = api;
        this.scenario = scenario;
        this.disputes = disputes;
    }

    /** POST /api/invoices/{id}/disputes as {@code user}; a null amount disputes all that is open. */
    Api.Response post(String user, Invoice invoice, String amount, String reasonCode, String comment) {
        Map<String, Object> body = new HashMap<>();
        if (amount != null) {
            body.put("amount", new BigDecimal(amount));
        }
        body.put("reasonCode", reasonCode);
        body.put("comment", comment);
        return api.post(user, "/api/invoices/" + invoice.getId() + "/disputes", body);
    }

    /**
     * Opens the dispute and waits until it is routed (its team's task exists, and with it the SLA timer), so a test may
     * move the clock on at once: the process registers itself first, in a job of its own.
     */
    Dispute open(Invoice invoice, String amount, String reasonCode) {
        Api.Response response = post("collector", invoice, amount, reasonCode, "Customer called about " + reasonCode);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        Dispute dispute = disputes.get(response.body().path("id").asLong());
        awaitTask(dispute, RESOLVE);
        return dispute;
    }

    HumanTask awaitTask(Dispute dispute, String elementId) {
        return scenario.awaitOpenTask(dispute.getProcessInstanceKey(), elementId);
    }

    Dispute awaitStatus(Dispute dispute, DisputeStatus status) {
        return await().atMost(Scenario.PATIENCE)
                .until(() -> disputes.get(dispute.getId()), found -> found.getStatus() == status);
    }
}
