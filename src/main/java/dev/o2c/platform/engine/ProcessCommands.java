package dev.o2c.platform.engine;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Map;
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

    private final CamundaClient client;

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
                try {
                    publish(messageName, correlationKey, messageId, variables);
                } catch (RuntimeException e) {
                    log.warn("message {} for {} not published: {}", messageName, correlationKey, e.getMessage());
                }
            }
        });
    }
}
