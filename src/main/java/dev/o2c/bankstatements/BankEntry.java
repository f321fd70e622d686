package dev.o2c.bankstatements;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One credit or debit on a statement, and what cash application made of it. */
@Entity
public class BankEntry {

    @Id
    // fifty ids per round trip to the sequence, so many rows insert as one JDBC batch (V49)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bank_entry_ids")
    @SequenceGenerator(name = "bank_entry_ids", sequenceName = "bank_entry_id_seq", allocationSize = 50)
    private Long id;

    private Long statementId;
    private int lineNo;
    private String bankReference;
    private BigDecimal amount;
    private String currency;
    private boolean credit;
    private boolean booked;
    private LocalDate bookingDate;
    private LocalDate valueDate;
    private String debtorName;
    private String debtorIban;
    private String creditorReference;
    private String remittanceText;
    private String endToEndId;
    private Integer remittanceCutFrom;

    @Enumerated(EnumType.STRING)
    private BankEntryStatus status;

    private BigDecimal confidence;
    private Long customerId;
    private String proposal;
    private Long paymentId;
    private String decidedBy;
    /** The clerk disputes the shortfall of a short payment to one invoice, for this reason code (else null). */
    private String disputeReason;
    /**
     * Written only by the conditional updates in {@link BankEntryRepository} (claim, then the instance recording
     * itself): never by Hibernate, so a stale copy of the entry can never clear or replace them.
     */
    @Column(insertable = false, updatable = false)
    private Long processInstanceKey;

    @Column(insertable = false, updatable = false)
    private Instant startClaimedAt;

    @Column(insertable = false, updatable = false)
    private int startAttempts;

    private Instant receivedAt;

    @Version
    private long version;

    protected BankEntry() {}

    BankEntry(long statementId, int lineNo, BankTransaction transaction, Instant receivedAt) {
        this.receivedAt = receivedAt;
        this.statementId = statementId;
        this.lineNo = lineNo;
        this.bankReference = transaction.bankReference();
        this.amount = transaction.amount();
        this.currency = transaction.currency();
        this.credit = transaction.credit();
        this.booked = transaction.booked();
        this.bookingDate = transaction.bookingDate();
        this.valueDate = transaction.valueDate();
        this.debtorName = transaction.debtorName();
        this.debtorIban = transaction.debtorIban();
        this.creditorReference = transaction.creditorReference();
        this.remittanceText = transaction.remittanceText();
        this.endToEndId = transaction.endToEndId();
        this.remittanceCutFrom = transaction.remittanceCutFrom();
        this.status = BankEntryStatus.NOT_APPLICABLE;
    }

    /** Only booked money in is applied to receivables; the rest is on record only. */
    public boolean applicable() {
        return credit && booked;
    }

    void proposed(String proposalJson, BigDecimal confidence, Long customerId, boolean trusted) {
        this.proposal = proposalJson;
        this.confidence = confidence;
        this.customerId = customerId;
        this.status = trusted ? BankEntryStatus.MATCHED : BankEntryStatus.NEEDS_CLERK;
    }

    void clerkChose(String proposalJson, Long customerId, String clerk, String disputeReason) {
        moveTo(BankEntryStatus.MATCHED);
        this.proposal = proposalJson;
        this.customerId = customerId;
        this.decidedBy = clerk;
        this.disputeReason = disputeReason;
    }

    void setAside(String clerk) {
        moveTo(BankEntryStatus.SET_ASIDE);
        this.decidedBy = clerk;
        this.disputeReason = null;
    }

    void outdated() {
        moveTo(BankEntryStatus.NEEDS_CLERK);
    }

    void posted(long paymentId) {
        moveTo(BankEntryStatus.POSTED);
        this.paymentId = paymentId;
    }

    private void moveTo(BankEntryStatus target) {
        if (!status.canMoveTo(target)) {
            throw new IllegalBankStatementTransitionException(
                    "bank entry " + id + " is " + status + " and cannot become " + target);
        }
        status = target;
    }

    public Long getId() {
        return id;
    }

    public Long getStatementId() {
        return statementId;
    }

    public int getLineNo() {
        return lineNo;
    }

    public String getBankReference() {
        return bankReference;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public boolean isCredit() {
        return credit;
    }

    public boolean isBooked() {
        return booked;
    }

    public LocalDate getBookingDate() {
        return bookingDate;
    }

    public LocalDate getValueDate() {
        return valueDate;
    }

    public String getDebtorName() {
        return debtorName;
    }

    public String getDebtorIban() {
        return debtorIban;
    }

    public String getCreditorReference() {
        return creditorReference;
    }

    public String getRemittanceText() {
        return remittanceText;
    }

    public String getEndToEndId() {
        return endToEndId;
    }

    public BankEntryStatus getStatus() {
        return status;
    }

    public BigDecimal getConfidence() {
        return confidence;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getProposal() {
        return proposal;
    }

    public Long getPaymentId() {
        return paymentId;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Long getProcessInstanceKey() {
        return processInstanceKey;
    }

    public Instant getStartClaimedAt() {
        return startClaimedAt;
    }

    public int getStartAttempts() {
        return startAttempts;
    }

    /** How long the remittance text was when the bank sent more than we keep; null when it is whole. */
    public Integer getRemittanceCutFrom() {
        return remittanceCutFrom;
    }

    public String getDisputeReason() {
        return disputeReason;
    }
}
