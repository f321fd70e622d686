package dev.o2c.collections.writeoffs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o2c.credit.AuthorityTable;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import java.util.List;
import org.springframework.stereotype.Component;

/** route-write-off: keeps the authority table's answer on the write-off and offers the task to who may approve. */
@Component
public class RouteWriteOffWorker {

    private final WriteOffs writeOffs;

    RouteWriteOffWorker(WriteOffs writeOffs) {
        this.writeOffs = writeOffs;
    }

    /** {@code authority}: the result of the business rule task write-off-authority. */
    public record Input(Long writeOffId, JsonNode authority) {}

    public record Routing(
            List<String> approverGroups, String approvalGroup, String approvalAuthority, boolean secondApprover) {}

    @JobWorker(type = "route-write-off")
    public Routing route(@VariablesAsType Input input) {
        AuthorityTable.Required required = WriteOffAuthority.read(input.authority());
        // what is stored decides, so a repeated job answers as the first one did
        WriteOff writeOff = writeOffs.route(input.writeOffId(), required);
        return new Routing(
                WriteOffAuthority.RANKS.groupsHolding(writeOff.getAuthorityGroup()),
                writeOff.getAuthorityGroup(),
                writeOff.getAuthority(),
                writeOff.isSecondApproverRequired());
    }
}
