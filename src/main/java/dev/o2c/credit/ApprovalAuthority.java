package dev.o2c.credit;

import dev.o2c.credit.AuthorityTable.Required;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Who may approve what: the DMN table processes/approval-authority.dmn, evaluated with the DMN engine Zeebe itself
 * uses (zeebe-dmn over dmn-scala), so the answer is the one the engine would give. This is the only place the table is
 * evaluated; the process does not call it, because the answer is needed while the reviewer completes the task (a
 * refusal must be a 403 then, not a later incident) and depends on what the reviewer chose (a raise, a prepayment).
 */
@Component
public class ApprovalAuthority {

    static final String TABLE = "/processes/approval-authority.dmn";
    static final String DECISION = "approval-authority";

    private final AuthorityTable table = new AuthorityTable(TABLE, DECISION);

    /** What the table requires for granting {@code amountOverLimit} beyond the limit on an order of {@code orderAmount}. */
    public Required required(BigDecimal orderAmount, BigDecimal amountOverLimit, String riskClass) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("orderAmount", orderAmount);
        inputs.put("amountOverLimit", amountOverLimit);
        inputs.put("riskClass", riskClass);
        return table.required(inputs);
    }
}
