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
 * A credit note against one invoice: net and VAT at the invoice's rate. Its total is split five ways, in this order:
 * {@code appliedAmount} is what it took off the invoice's open amount; {@code badDebtReversalAmount} what it took off
 * the part of the invoice written off as bad debt and not yet reversed by earlier credit notes; {@code
 * discountReversalAmount} and {@code deductionReversalAmount} likewise of the early-payment discounts and accepted
 * short-payment deductions the invoice was settled by (the customer never paid any of these parts, so they are not
 * owed back); {@code customerCreditAmount} the rest, which the customer had paid, owed back to the customer.
 */
@Entity
public class CreditNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String number;
    private Long invoiceId;
    private Long customerId;
    private String currency;
    private LocalDate issueDate;
    private BigDecimal netAmount;
    private BigDecimal taxAmount;
    private BigDecimal totalAmount;
    private BigDecimal appliedAmount;
    private BigDecimal badDebtReversalAmount;
    private BigDecimal discountReversalAmount;
    private BigDecimal deductionReversalAmount;
    private BigDecimal customerCreditAmount;

    @Enumerated(EnumType.STRING)
    private CreditNoteStatus status;

    private String reason;
    private String requestKey;
    private String issuedBy;
    private Instant issuedAt;

    protected CreditNote() {}

    CreditNote(
            String number,
            Invoice invoice,
            LocalDate issueDate,
            BigDecimal netAmount,
            BigDecimal taxAmount,
            BigDecimal appliedAmount,
            BigDecimal badDebtReversalAmount,
            BigDecimal discountReversalAmount,
            BigDecimal deductionReversalAmount,
            String reason,
            String requestKey,
            String issuedBy,
            Instant issuedAt) {
        this.number = number;
        this.invoiceId = invoice.getId();
        this.customerId = invoice.getCustomerId();
        this.currency = invoice.getCurrency();
        this.issueDate = issueDate;
        this.netAmount = netAmount;
        this.taxAmount = taxAmount;
        this.totalAmount = netAmount.add(taxAmount);
        this.appliedAmount = appliedAmount;
        this.badDebtReversalAmount = badDebtReversalAmount;
        this.discountReversalAmount = discountReversalAmount;
        this.deductionReversalAmount = deductionReversalAmount;
        this.customerCreditAmount = totalAmount
                .subtract(appliedAmount)
                .subtract(badDebtReversalAmount)
                .subtract(discountReversalAmount)
                .subtract(deductionReversalAmount);
        this.reason = reason;
        this.requestKey = requestKey;
        this.issuedBy = issuedBy;
        this.issuedAt = issuedAt;
        this.status = CreditNoteStatus.ISSUED;
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public Long getInvoiceId() {
        return invoiceId;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getCurrency() {
        return currency;
    }

    public LocalDate getIssueDate() {
        return issueDate;
    }

    public BigDecimal getNetAmount() {
        return netAmount;
    }

    public BigDecimal getTaxAmount() {
        return taxAmount;
    }

    public BigDecimal getTotalAmount() {
        return totalAmount;
    }

    public BigDecimal getAppliedAmount() {
        return appliedAmount;
    }

    public BigDecimal getBadDebtReversalAmount() {
        return badDebtReversalAmount;
    }

    public BigDecimal getDiscountReversalAmount() {
        return discountReversalAmount;
    }

    public BigDecimal getDeductionReversalAmount() {
        return deductionReversalAmount;
    }

    public BigDecimal getCustomerCreditAmount() {
        return customerCreditAmount;
    }

    public CreditNoteStatus getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public String getRequestKey() {
        return requestKey;
    }

    public String getIssuedBy() {
        return issuedBy;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }
}
