package dev.o2c.cashapplication;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A clerk's match, remembered: payments from this account or under this name are this customer's. */
@Entity
public class PayerMemory {

    public enum Kind {
        IBAN,
        NAME
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String payerKey;
    private Long customerId;
    private String learnedBy;
    private Instant learnedAt;
    private Long learnedFromEntry;

    protected PayerMemory() {}

    PayerMemory(
            Kind kind, String payerKey, long customerId, String learnedBy, Instant learnedAt, Long learnedFromEntry) {
        this.kind = kind;
        this.payerKey = payerKey;
        this.customerId = customerId;
        this.learnedBy = learnedBy;
        this.learnedAt = learnedAt;
        this.learnedFromEntry = learnedFromEntry;
    }

    void relearn(long customerId, String learnedBy, Instant learnedAt, Long learnedFromEntry) {
        this.customerId = customerId;
        this.learnedBy = learnedBy;
        this.learnedAt = learnedAt;
        this.learnedFromEntry = learnedFromEntry;
    }

    LearnedPayer view() {
        return new LearnedPayer(id, kind.name(), payerKey, customerId, learnedBy, learnedAt, learnedFromEntry);
    }

    public Kind getKind() {
        return kind;
    }

    public String getPayerKey() {
        return payerKey;
    }

    public Long getCustomerId() {
        return customerId;
    }
}
