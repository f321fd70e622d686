package dev.o2c.billing;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

@Entity
public class Invoice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String number;
    private Long customerId;
    private Long orderId;
    private String currency;
    private LocalDate issueDate;
    private LocalDate dueDate;
    private LocalDate discountDate;
    private BigDecimal discountRate;
    private BigDecimal netAmount;
    private BigDecimal taxAmount;
    private BigDecimal totalAmount;
    private BigDecimal chargesAmount;
    private BigDecimal openAmount;
    /**
     * What write-offs took off the open amount as bad debt (approved ones and the system's small residuals alike):
     * the part of the invoice the customer never paid. Credit notes on the invoice reverse it before anything becomes
     * customer credit.
     */
    private BigDecimal writtenOffAmount;
    /**
     * What early-payment discounts took off the open amount: settled, but never paid. Credit notes reverse it (after
     * bad debt) before anything becomes customer credit.
     */
    private BigDecimal discountedAmount;
    /** What accepted short-payment deductions took off the open amount: settled, never paid; reversed like discounts. */
    private BigDecimal deductedAmount;

    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;

    private int dunningLevel;
    private LocalDate promisedDate;
    /** The day the invoice became fully paid (the payment's value date, or the day of the closing adjustment). */
    private LocalDate paidOn;

    @Version
    private long version;

    protected Invoice() {}

    Invoice(
            String number,
            long customerId,
            long orderId,
            String currency,
            LocalDate issueDate,
            LocalDate dueDate,
            LocalDate discountDate,
            BigDecimal discountRate,
            BigDecimal netAmount,
            BigDecimal taxAmount) {
        this.number = number;
        this.customerId = customerId;
        this.orderId = orderId;
        this.currency = currency;
        this.issueDate = issueDate;
        this.dueDate = dueDate;
        this.discountDate = discountDate;
        this.discountRate = discountRate;
        this.netAmount = netAmount;
        this.taxAmount = taxAmount;
        this.totalAmount = netAmount.add(taxAmount);
        this.chargesAmount = BigDecimal.ZERO.setScale(netAmount.scale());
        this.openAmount = totalAmount;
        this.writtenOffAmount = BigDecimal.ZERO.setScale(netAmount.scale());
        this.discountedAmount = BigDecimal.ZERO.setScale(netAmount.scale());
        this.deductedAmount = BigDecimal.ZERO.setScale(netAmount.scale());
        this.status = InvoiceStatus.OPEN;
    }

    /** Applies money received on {@code on}; the caller never applies more than is open. */
    void applyPayment(BigDecimal amount, LocalDate on) {
        settle(amount, on, InvoiceStatus.PAID);
    }

    /**
     * Writes off part of what is open as bad debt; an approved write-off that closes the invoice leaves it WRITTEN_OFF,
     * a small residual written off after a payment PAID. The closing day is kept as paid-on either way (the day the
     * invoice stopped being owed, which credit scoring measures lateness to).
     */
    void writeOff(BigDecimal amount, LocalDate on, boolean residual) {
        settle(amount, on, residual ? InvoiceStatus.PAID : InvoiceStatus.WRITTEN_OFF);
        writtenOffAmount = writtenOffAmount.add(amount);
    }

    private void settle(BigDecimal amount, LocalDate on, InvoiceStatus whenClosed) {
        if (amount.signum() <= 0 || amount.compareTo(openAmount) > 0) {
            throw new IllegalArgumentException(
                    "cannot apply " + amount + " to " + number + " with " + openAmount + " open");
        }
        BigDecimal remaining = openAmount.subtract(amount);
        moveTo(remaining.signum() == 0 ? whenClosed : InvoiceStatus.PARTIALLY_PAID);
        openAmount = remaining;
        if (!status.isOpen()) {
            paidOn = on;
        }
    }

    /**
     * Closes part of the open amount without money by a billing document (a credit note, applied customer credit).
     * Never more than is open.
     */
    void adjust(BigDecimal amount, LocalDate on) {
        applyPayment(amount, on);
    }

    /** Closes part of the open amount by an early-payment discount the terms allow; kept as discounted. */
    void allowDiscount(BigDecimal amount, LocalDate on) {
        applyPayment(amount, on);
        discountedAmount = discountedAmount.add(amount);
    }

    /** Closes part of the open amount by a small short payment accepted as a deduction; kept as deducted. */
    void acceptDeduction(BigDecimal amount, LocalDate on) {
        applyPayment(amount, on);
        deductedAmount = deductedAmount.add(amount);
    }

    /** Dunning fees and interest are owed on top of the invoice total. */
    void addCharges(BigDecimal charges) {
        if (!status.isOpen()) {
            throw new IllegalInvoiceTransitionException(
                    "invoice " + number + " is " + status + "; no charges can be added");
        }
        chargesAmount = chargesAmount.add(charges);
        openAmount = openAmount.add(charges);
    }

    void raiseDunningLevel(int level) {
        if (level > dunningLevel) {
            dunningLevel = level;
        }
    }

    /** Whole days past the due date on {@code today}; 0 until the due date has passed. The one rule for "overdue". */
    /** The first day the invoice counts as overdue: one paid on its due date is on time. */
    public LocalDate firstOverdueDay() {
        return dueDate.plusDays(1);
    }

    public long daysOverdue(LocalDate today) {
        return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(dueDate, today));
    }

    void promisePaymentBy(LocalDate date) {
        promisedDate = date;
    }

    private void moveTo(InvoiceStatus target) {
        if (!status.canMoveTo(target)) {
            throw new IllegalInvoiceTransitionException(
                    "invoice " + number + " cannot go from " + status + " to " + target);
        }
        status = target;
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    /** The ISO 11649 reference the customer quotes when paying; derived from the number, so never out of step. */
    public String getCreditorReference() {
        return CreditorReference.forInvoiceNumber(number);
    }

    public Long getCustomerId() {
        return customerId;
    }

    public Long getOrderId() {
        return orderId;
    }

    public String getCurrency() {
        return currency;
    }

    public LocalDate getIssueDate() {
        return issueDate;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public LocalDate getDiscountDate() {
        return discountDate;
    }

    public BigDecimal getDiscountRate() {
        return discountRate;
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

    public BigDecimal getChargesAmount() {
        return chargesAmount;
    }

    public BigDecimal getOpenAmount() {
        return openAmount;
    }

    public BigDecimal getWrittenOffAmount() {
        return writtenOffAmount;
    }

    public BigDecimal getDiscountedAmount() {
        return discountedAmount;
    }

    public BigDecimal getDeductedAmount() {
        return deductedAmount;
    }

    public InvoiceStatus getStatus() {
        return status;
    }

    public int getDunningLevel() {
        return dunningLevel;
    }

    public LocalDate getPromisedDate() {
        return promisedDate;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }
}
