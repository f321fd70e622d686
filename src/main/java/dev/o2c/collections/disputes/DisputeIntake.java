package dev.o2c.collections.disputes;

import dev.o2c.customers.CustomerService;
import dev.o2c.platform.engine.ProcessCommands;
import java.util.HashMap;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Opens a dispute and starts its dispute-resolution process, both or neither. The dispute commits first, so the
 * process's workers always find it; should the engine refuse the start, the dispute is cancelled (audited).
 */
@Service
public class DisputeIntake {

    public static final String PROCESS_ID = "dispute-resolution";

    private final Disputes disputes;
    private final CustomerService customers;
    private final ProcessCommands processes;

    DisputeIntake(Disputes disputes, CustomerService customers, ProcessCommands processes) {
        this.disputes = disputes;
        this.customers = customers;
        this.processes = processes;
    }

    public Dispute open(Disputes.NewDispute request, String actor) {
        Dispute dispute;
        try {
            dispute = disputes.register(request, actor);
        } catch (DataIntegrityViolationException e) {
            // another dispute on the same invoice committed a moment earlier (one unresolved per invoice)
            throw new InvalidDisputeException(
                    "invoiceId", "invoice " + request.invoiceId() + " already has an unresolved dispute");
        }
        long processInstanceKey;
        try {
            processInstanceKey = processes.start(PROCESS_ID, variables(dispute));
        } catch (RuntimeException e) {
            disputes.cancelUnstarted(dispute.getId(), actor, String.valueOf(e.getMessage()));
            throw e;
        }
        disputes.startedAs(dispute.getId(), processInstanceKey);
        return disputes.get(dispute.getId());
    }

    private Map<String, Object> variables(Dispute dispute) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("disputeId", dispute.getId());
        variables.put("invoiceId", dispute.getInvoiceId());
        variables.put("invoiceNumber", dispute.getInvoiceNumber());
        variables.put("customerId", dispute.getCustomerId());
        variables.put("customerName", customers.get(dispute.getCustomerId()).getName());
        variables.put("disputedAmount", dispute.getAmount());
        variables.put("amount", dispute.getAmount());
        variables.put("currency", dispute.getCurrency());
        variables.put("reasonCode", dispute.getReasonCode().name());
        variables.put("disputeComment", dispute.getComment() == null ? "" : dispute.getComment());
        return variables;
    }
}
