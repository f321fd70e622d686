package dev.o2c.collections.disputes;

import dev.o2c.platform.engine.DuplicateStart;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * register-dispute-resolution: records this instance on its dispute. A dispute that already has another instance, or
 * was withdrawn because its start seemed to fail, ends this one (BPMN error DUPLICATE_START) before it is routed.
 */
@Component
public class RegisterDisputeResolutionWorker {

    private final Disputes disputes;

    RegisterDisputeResolutionWorker(Disputes disputes) {
        this.disputes = disputes;
    }

    @JobWorker(type = "register-dispute-resolution")
    public void register(@Variable long disputeId, ActivatedJob job) {
        DuplicateStart.unlessRecorded(
                disputes.startedAs(disputeId, job.getProcessInstanceKey()),
                "dispute " + disputeId,
                "dispute-resolution");
    }
}
