package dev.o2c.collections.writeoffs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o2c.credit.AuthorityTable;
import dev.o2c.platform.security.Groups;
import java.util.List;

/**
 * Who may approve a write-off: the DMN table processes/write-off-authority.dmn, evaluated by the process's business
 * rule task (the amount, the days overdue and the risk class are fixed when the write-off is asked for, so nothing the
 * approver chooses changes the answer). Collectors rank below credit managers: a manager holds a collector's authority.
 */
final class WriteOffAuthority {

    static final String DECISION = "write-off-authority";
    static final AuthorityTable.Ranks RANKS =
            new AuthorityTable.Ranks(List.of(Groups.COLLECTORS, Groups.CREDIT_MANAGERS));

    private WriteOffAuthority() {}

    /** The table's result as the business rule task left it (resultVariable authority); an unknown group is an error. */
    static AuthorityTable.Required read(JsonNode result) {
        return RANKS.read(DECISION, result);
    }
}
