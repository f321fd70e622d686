package dev.o2c.collections;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A payment reminder that went out: level 1 and 2 are reminders, level 3 the final notice. */
@Entity
public class Reminder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long invoiceId;
    private int level;
    private BigDecimal fee;
    private BigDecimal interest;
    /** The yearly rate the interest was charged at (null when none was charged). */
    private BigDecimal interestRate;
    /** The overdue days the interest covers; each overdue day is charged once per invoice. */
    private int interestDays;
    /** What the waiver of the customer's late charges spared them on this reminder (not charged later either). */
    private BigDecimal waivedFee;

    private BigDecimal waivedInterest;

    private BigDecimal openAmount;
    private Instant sentAt;
    private String recipient;

    protected Reminder() {}

    Reminder(
            long invoiceId,
            int level,
            BigDecimal fee,
            BigDecimal interest,
            BigDecimal interestRate,
            int interestDays,
            BigDecimal waivedFee,
            BigDecimal waivedInterest,
            BigDecimal openAmount,
            Instant sentAt,
            String recipient) {
        this.invoiceId = invoiceId;
        this.level = level;
        this.fee = fee;
        this.interest = interest;
        this.interestRate = interestRate;
        this.interestDays = interestDays;
        this.waivedFee = waivedFee;
        this.waivedInterest = waivedInterest;
        this.openAmount = openAmount;
        this.sentAt = sentAt;
        this.recipient = recipient;
    }

    /** What a person deciding on the invoice sees of this reminder (task context panels). */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("level", level);
        summary.put("sentAt", sentAt.toString());
        summary.put("fee", fee);
        summary.put("interest", interest);
        summary.put("interestRate", interestRate);
        summary.put("interestDays", interestDays);
        summary.put("waivedFee", waivedFee);
        summary.put("waivedInterest", waivedInterest);
        summary.put("openAmount", openAmount);
        summary.put("recipient", recipient);
        return summary;
    }

    public Long getId() {
        return id;
    }

    public Long getInvoiceId() {
        return invoiceId;
    }

    public int getLevel() {
        return level;
    }

    public BigDecimal getFee() {
        return fee;
    }

    public BigDecimal getInterest() {
        return interest;
    }

    public BigDecimal getInterestRate() {
        return interestRate;
    }

    public int getInterestDays() {
        return interestDays;
    }

    public BigDecimal getWaivedFee() {
        return waivedFee;
    }

    public BigDecimal getWaivedInterest() {
        return waivedInterest;
    }

    public BigDecimal getOpenAmount() {
        return openAmount;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getRecipient() {
        return recipient;
    }
}
