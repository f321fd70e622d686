package dev.o2c.platform.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The commands the application sends to the engine: start a process, publish a message. */
@Component
public class ProcessCommands {

    private static final Logger log = LoggerFactory.getLogger(ProcessCommands.class);
    /** A payment can arrive while the process is busy elsewhere; the message waits this long to be picked up. */
    private static final Duration MESSAGE_TTL = Duration.ofDays(1);

    /**
     * Messages sent after commit but not yet answered by the engine. A bound, so a burst of postings (a long bank
     * statement) waits here rather than flooding the engine, which would answer RESOURCE_EXHAUSTED.
     */
    private static final int MAX_MESSAGES_IN_FLIGHT = 128;

    private final CamundaClient client;
    private final Semaphore inFlight = new Semaphore(MAX_MESSAGES_IN_FLIGHT);

    ProcessCommands(CamundaClient client) {
        this.client = client;
    }

    public long start(String processId, Map<String, Object> variables) {
        return client.newCreateInstanceCommand()
                .bpmnProcessId(processId)
                .latestVersion()
                .variables(variables)
                .send()
                .join()
                .getProcessInstanceKey();
    }

    /** Publishes now. The message id makes a repeated publish (a retried request) a no-op in the engine. */
    public void publish(String messageName, String correlationKey, String messageId, Map<String, Object> variables) {
        publish(messageName, correlationKey, messageId, variables, MESSAGE_TTL);
    }

    /** With a zero time to live the message only reaches a process waiting for it right now. */
    public void publish(
            String messageName,
            String correlationKey,
            String messageId,
            Map<String, Object> variables,
            Duration timeToLive) {
        client.newPublishMessageCommand()
                .messageName(messageName)
                .correlationKey(correlationKey)
                .messageId(messageId)
                .timeToLive(timeToLive)
                .variables(variables)
                .send()
                .join();
    }

    /**
     * Publishes once the current transaction has committed, so the process never hears of a change that was rolled
     * back. If the engine is unreachable then, the database stays right and the process finds out at its next check.
     * The committing thread does not wait for the engine's answer (it has nothing to do with it but log a failure), so a
     * posting is not slowed down by the engine's queue; a bounded number of messages may be in flight at once.
     */
    public void publishAfterCommit(
            String messageName, String correlationKey, String messageId, Map<String, Object> variables) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            publish(messageName, correlationKey, messageId, variables);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                publishWithoutWaiting(messageName, correlationKey, messageId, variables);
            }
        });
    }

    private void publishWithoutWaiting(
            String messageName, String correlationKey, String messageId, Map<String, Object> variables) {
        publishWithoutWaiting(
                messageName,
                correlationKey,
                messageId,
                variables,
                MESSAGE_TTL,
                failure -> log.warn(
                        "message {} for {} not published: {}", messageName, correlationKey, failure.getMessage()));
    }

    /**
     * Publishes now without waiting for the engine's answer; {@code onFailure} hears of a refusal (with the gRPC status
     * in {@link #statusOf}). At most a bounded number of messages are in flight: beyond that this waits for a slot.
     */
    public void publishWithoutWaiting(
            String messageName,
            String correlationKey,
            String messageId,
            Map<String, Object> variables,
            Duration timeToLive,
            Consumer<Throwable> onFailure) {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            onFailure.accept(e);
            return;
        }
        try {
            client.newPublishMessageCommand()
                    .messageName(messageName)
                    .correlationKey(correlationKey)
                    .messageId(messageId)
                    .timeToLive(timeToLive)
                    .variables(variables)
                    .send()
                    .whenComplete((published, failure) -> {
                        inFlight.release();
                        if (failure != null) {
                            onFailure.accept(failure);
                        }
                    });
        } catch (RuntimeException e) {
            inFlight.release();
            onFailure.accept(e);
        }
    }

    /** The gRPC status a failed command was answered with, if it got that far. */
    public static Optional<Status.Code> statusOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ClientStatusException status) {
                return Optional.of(status.getStatusCode());
            }
            if (cause instanceof StatusRuntimeException status) {
                return Optional.of(status.getStatus().getCode());
            }
        }
        return Optional.empty();
    }
}
