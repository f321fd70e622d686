package dev.o2c.collections.writeoffs;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** post-write-off: the approved amount comes off the invoice and goes to bad debt (audited); once. */
@Component
public class PostWriteOffWorker {

    private final WriteOffs writeOffs;

    PostWriteOffWorker(WriteOffs writeOffs) {
        this.writeOffs = writeOffs;
    }

    public record Input(Long writeOffId) {}

    /** POSTED, or CANCELED when the invoice was paid in full meanwhile (postedAmount then null). */
    public record Posted(String writeOffStatus, BigDecimal postedAmount) {}

    @JobWorker(type = "post-write-off")
    public Posted post(@VariablesAsType Input input) {
        WriteOff writeOff = writeOffs.post(input.writeOffId());
        return new Posted(writeOff.getStatus().name(), writeOff.getPostedAmount());
    }
}
