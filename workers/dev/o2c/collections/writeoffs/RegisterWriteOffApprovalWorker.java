package dev.o2c.collections.writeoffs;

import dev.o2c.platform.engine.DuplicateStart;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * register-write-off-approval: records this instance on its write-off. A write-off that already has another instance,
 * or was taken back because its start seemed to fail, ends this one (BPMN error DUPLICATE_START) before anyone is
 * asked to approve.
 */
@Component
public class RegisterWriteOffApprovalWorker {

    private final WriteOffs writeOffs;

    RegisterWriteOffApprovalWorker(WriteOffs writeOffs) {
        this.writeOffs = writeOffs;
    }

    @JobWorker(type = "register-write-off-approval")
    public void register(@Variable long writeOffId, ActivatedJob job) {
        DuplicateStart.unlessRecorded(
                writeOffs.startedAs(writeOffId, job.getProcessInstanceKey()),
                "write-off " + writeOffId,
                "write-off-approval");
    }
}
