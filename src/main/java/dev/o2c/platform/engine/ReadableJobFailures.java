package dev.o2c.platform.engine;

import dev.o2c.platform.errors.DomainException;
import dev.o2c.platform.text.Texts;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How a worker's failure reaches the operator. The client's default puts the whole stack trace into the incident
 * message and retries every failure; here a business refusal (a {@link DomainException}: what the job refers to does
 * not exist, a value breaks a rule, a state forbids it) raises the incident at once, because retrying cannot help,
 * and every message is one readable sentence naming the job. The stack trace goes to the log, under the job key.
 * BPMN errors keep the client's handling (they are modelled paths, not failures).
 */
@Component
class ReadableJobFailures implements JobExceptionHandlingStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(ReadableJobFailures.class);
    /** Long enough for any sentence we write, short enough for every console and Operate view. */
    static final int MESSAGE_LENGTH = 1000;

    static final Duration RETRY_BACKOFF = Duration.ofSeconds(10);

    private final JobExceptionHandlingStrategy modelledErrors;

    ReadableJobFailures(CommandExceptionHandlingStrategy commands, MetricsRecorder metrics) {
        this.modelledErrors = new DefaultJobExceptionHandlingStrategy(commands, metrics);
    }

    @Override
    public void handleException(Exception exception, ExceptionHandlingContext context) throws Exception {
        if (exception instanceof BpmnError) {
            modelledErrors.handleException(exception, context);
            return;
        }
        ActivatedJob job = context.job();
        int retries = retriesAfter(exception, job);
        String message = messageFor(exception, job, retries);
        LOG.warn("Job {} ({}) failed, {} retries left: {}", job.getKey(), job.getType(), retries, message, exception);
        context.jobClient()
                .newFailCommand(job.getKey())
                .retries(retries)
                .retryBackoff(retries > 0 ? RETRY_BACKOFF : Duration.ZERO)
                .errorMessage(message)
                .send()
                .exceptionally(failure -> {
                    // the job then times out and comes back: nothing is lost, the next attempt fails it again
                    LOG.warn("Could not fail job {}: {}", job.getKey(), failure.getMessage());
                    return null;
                });
    }

    static int retriesAfter(Exception exception, ActivatedJob job) {
        if (exception instanceof JobError error && error.getRetries() != null) {
            return Math.max(0, error.getRetries());
        }
        return exception instanceof DomainException ? 0 : Math.max(0, job.getRetries() - 1);
    }

    static String messageFor(Exception exception, ActivatedJob job, int retries) {
        String what = exception instanceof DomainException
                ? "refused by a business rule"
                : "failed (" + exception.getClass().getSimpleName() + ")";
        String detail = exception instanceof JobError error ? error.getErrorMessage() : exception.getMessage();
        String advice = retries > 0
                ? " It is retried automatically."
                : exception instanceof DomainException
                        ? " Correct the data it names, then retry the incident."
                        : " Retry the incident once the cause is fixed; the log has the details under job "
                                + job.getKey() + ".";
        String sentence = detail == null || detail.isBlank()
                ? "no message"
                : detail.strip().replaceAll("\\.$", "");
        return Texts.fit(job.getType() + " " + what + ": " + sentence + "." + advice, MESSAGE_LENGTH);
    }
}
