package dev.o2c.billing;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;

/**
 * What a customer has available as customer credit in one currency: what credit notes left owed back, less what was
 * applied to invoices or refunded. The row an application or refund locks, so racing requests never overdraw it.
 */
@Entity
public class CustomerCreditBalance {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long customerId;
    private String currency;
    private BigDecimal available;

    @Version
    private long version;

    protected CustomerCreditBalance() {}

    void add(BigDecimal amount) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("customer credit grows by a positive amount, not " + amount);
        }
        available = available.add(amount);
    }

    /** The caller has checked the amount against what is available; this refuses to go below zero all the same. */
    void use(BigDecimal amount) {
        if (amount.signum() <= 0 || amount.compareTo(available) > 0) {
            throw new IllegalArgumentException("cannot use " + amount + " of " + available + " " + currency);
        }
        available = available.subtract(amount);
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getAvailable() {
        return available;
    }
}
