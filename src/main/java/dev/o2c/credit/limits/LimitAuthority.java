package dev.o2c.credit.limits;

import dev.o2c.credit.AuthorityTable;
import dev.o2c.credit.AuthorityTable.Required;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Who may set a new limit: the DMN table processes/limit-authority.dmn, evaluated with the DMN engine Zeebe itself
 * uses. Like approval-authority it is evaluated by the application, not by the process, because the answer is needed
 * while the approver completes the task (a refusal must be a 403 then) and depends on the limit the approver chose.
 */
@Component
public class LimitAuthority {

    static final String TABLE = "/processes/limit-authority.dmn";
    static final String DECISION = "limit-authority";

    private final AuthorityTable table = new AuthorityTable(TABLE, DECISION);

    /** What the table requires to move a limit from {@code currentLimit} to {@code newLimit}. */
    public Required required(BigDecimal currentLimit, BigDecimal newLimit, String riskClass) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("raise", newLimit.subtract(currentLimit));
        inputs.put("newLimit", newLimit);
        inputs.put("riskClass", riskClass);
        return table.required(inputs);
    }
}
