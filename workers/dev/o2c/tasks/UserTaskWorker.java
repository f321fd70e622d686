package dev.o2c.tasks;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * io.camunda.zeebe:userTask: every job-based user task arrives here and is put into the inbox. The job stays
 * activated (long timeout) until a person completes it through the API.
 */
@Component
public class UserTaskWorker {

    static final String TYPE = "io.camunda.zeebe:userTask";

    private final TaskRegistration registration;

    UserTaskWorker(TaskRegistration registration) {
        this.registration = registration;
    }

    @JobWorker(type = TYPE, autoComplete = false, timeout = 30L * 24 * 3600 * 1000, fetchAllVariables = true)
    public void receive(ActivatedJob job) {
        registration.register(job);
    }
}
