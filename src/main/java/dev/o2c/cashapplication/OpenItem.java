package dev.o2c.cashapplication;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/** An open invoice as cash application sees it: a snapshot taken when a statement is matched. */
public record OpenItem(
        long invoiceId,
        String number,
        String creditorReference,
        long customerId,
        String currency,
        BigDecimal totalAmount,
        BigDecimal openAmount,
        LocalDate discountDate,
        BigDecimal discountRate) {

    /** The early-payment discount still on offer when paid on {@code valueDate}; zero when none applies. */
    BigDecimal discountOn(LocalDate valueDate, int graceDays) {
        boolean untouched = openAmount.compareTo(totalAmount) == 0;
        if (discountDate == null
                || discountRate.signum() == 0
                || !untouched
                || valueDate == null
                || valueDate.isAfter(discountDate.plusDays(graceDays))) {
            return BigDecimal.ZERO;
        }
        return totalAmount.multiply(discountRate).setScale(totalAmount.scale(), RoundingMode.HALF_UP);
    }
}
