package dev.o2c.tasks;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A job-based user task as the inbox knows it. The engine holds the job; this row holds what people need to find
 * and decide it (business key, customer, amount) and what happened to it.
 */
@Entity
public class HumanTask {

    public enum Status {
        OPEN,
        COMPLETED,
        ESCALATED,
        CANCELED
    }

    @Id
    private Long jobKey;

    private Long processInstanceKey;
    private String processId;
    private String elementId;
    private String name;
    private String formId;
    private String candidateGroups;
    private String assignee;
    private String businessKey;
    private Long customerId;
    private BigDecimal amount;
    private String currency;
    private String variables;
    private Instant createdAt;
    private Instant dueAt;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String completedBy;
    private Instant completedAt;

    @Version
    private long version;

    protected HumanTask() {}

    HumanTask(
            long jobKey,
            long processInstanceKey,
            String processId,
            String elementId,
            String name,
            String formId,
            List<String> candidateGroups,
            String businessKey,
            Long customerId,
            BigDecimal amount,
            String currency,
            String variables,
            Instant createdAt,
            Instant dueAt) {
        this.jobKey = jobKey;
        this.processInstanceKey = processInstanceKey;
        this.processId = processId;
        this.elementId = elementId;
        this.name = name;
        this.formId = formId;
        this.candidateGroups = String.join(",", candidateGroups);
        this.businessKey = businessKey;
        this.customerId = customerId;
        this.amount = amount;
        this.currency = currency;
        this.variables = variables;
        this.createdAt = createdAt;
        this.dueAt = dueAt;
        this.status = Status.OPEN;
    }

    void complete(String by, Instant at) {
        close(Status.COMPLETED, by, at);
    }

    void close(Status outcome, String by, Instant at) {
        if (status != Status.OPEN) {
            throw new IllegalStateException("task " + jobKey + " is already " + status);
        }
        status = outcome;
        completedBy = by;
        completedAt = at;
    }

    void assignTo(String user) {
        assignee = user;
    }

    public Long getJobKey() {
        return jobKey;
    }

    public Long getProcessInstanceKey() {
        return processInstanceKey;
    }

    public String getProcessId() {
        return processId;
    }

    public String getElementId() {
        return elementId;
    }

    public String getName() {
        return name;
    }

    public String getFormId() {
        return formId;
    }

    public List<String> candidateGroups() {
        return candidateGroups.isBlank() ? List.of() : Arrays.asList(candidateGroups.split(","));
    }

    public String getAssignee() {
        return assignee;
    }

    public String getBusinessKey() {
        return businessKey;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public String getVariables() {
        return variables;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Status getStatus() {
        return status;
    }

    public String getCompletedBy() {
        return completedBy;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }
}
