package dev.o2c.billing;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A use of a customer's credit: applied to one of its open invoices, or refunded (paid out, with the bank's
 * reference). Recorded once and never changed, like the credit notes it draws on; a mistake is corrected by a new
 * document, so there is no status to move.
 */
@Entity
public class CustomerCreditUse {

    public enum Kind {
        /** Applied to an open invoice of the customer: Dr 2150 customer credit, Cr 1200 receivable. */
        APPLICATION,
        /** Paid out to the customer: Dr 2150 customer credit, Cr 1000 bank. */
        REFUND
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private Long customerId;
    private String currency;
    private BigDecimal amount;
    private Long invoiceId;
    private String bankReference;
    private String reason;
    private LocalDate effectiveDate;
    private String requestKey;
    private String recordedBy;
    private Instant recordedAt;

    protected CustomerCreditUse() {}

    private CustomerCreditUse(
            Kind kind,
            long customerId,
            String currency,
            BigDecimal amount,
            Long invoiceId,
            String bankReference,
            String reason,
            LocalDate effectiveDate,
            String requestKey,
            String recordedBy,
            Instant recordedAt) {
        this.kind = kind;
        this.customerId = customerId;
        this.currency = currency;
        this.amount = amount;
        this.invoiceId = invoiceId;
        this.bankReference = bankReference;
        this.reason = reason;
        this.effectiveDate = effectiveDate;
        this.requestKey = requestKey;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    static CustomerCreditUse application(
            Invoice invoice,
            BigDecimal amount,
            String reason,
            LocalDate on,
            String requestKey,
            String actor,
            Instant at) {
        return new CustomerCreditUse(
                Kind.APPLICATION,
                invoice.getCustomerId(),
                invoice.getCurrency(),
                amount,
                invoice.getId(),
                null,
                reason,
                on,
                requestKey,
                actor,
                at);
    }

    static CustomerCreditUse refund(
            long customerId,
            String currency,
            BigDecimal amount,
            String bankReference,
            String reason,
            LocalDate on,
            String requestKey,
            String actor,
            Instant at) {
        return new CustomerCreditUse(
                Kind.REFUND, customerId, currency, amount, null, bankReference, reason, on, requestKey, actor, at);
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public Long getInvoiceId() {
        return invoiceId;
    }

    public String getBankReference() {
        return bankReference;
    }

    public String getReason() {
        return reason;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public String getRequestKey() {
        return requestKey;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
