package dev.o2c.customers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payment terms as printed on invoices: "NET30" (pay within 30 days) or "2/10 NET30" (2 % discount when paid within
 * 10 days, otherwise the full amount within 30).
 */
public record PaymentTerms(int netDays, BigDecimal discountPercent, int discountDays) {

    public static final String PATTERN = "^(\\d{1,2}(\\.\\d{1,2})?/\\d{1,3} )?NET ?\\d{1,3}$";
    private static final Pattern SYNTAX =
            Pattern.compile("^(?:(\\d{1,2}(?:\\.\\d{1,2})?)/(\\d{1,3}) )?NET ?(\\d{1,3})$");

    public PaymentTerms {
        if (netDays < 0 || discountDays < 0 || discountDays > netDays) {
            throw new IllegalArgumentException("discount days must lie within the net days");
        }
    }

    public static PaymentTerms parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text.trim().toUpperCase());
        if (!m.matches()) {
            throw new IllegalArgumentException("payment terms must look like NET30 or 2/10 NET30: " + text);
        }
        int net = Integer.parseInt(m.group(3));
        if (m.group(1) == null) {
            return new PaymentTerms(net, BigDecimal.ZERO, 0);
        }
        return new PaymentTerms(net, new BigDecimal(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public LocalDate dueDate(LocalDate issueDate) {
        return issueDate.plusDays(netDays);
    }

    public Optional<LocalDate> discountDate(LocalDate issueDate) {
        return hasDiscount() ? Optional.of(issueDate.plusDays(discountDays)) : Optional.empty();
    }

    public boolean hasDiscount() {
        return discountPercent.signum() > 0;
    }

    /** The discount as a fraction, e.g. 0.0200 for 2 %. */
    public BigDecimal discountRate() {
        return discountPercent.divide(BigDecimal.valueOf(100), 4, RoundingMode.UNNECESSARY);
    }

    @Override
    public String toString() {
        String net = "NET" + netDays;
        return hasDiscount()
                ? discountPercent.stripTrailingZeros().toPlainString() + "/" + discountDays + " " + net
                : net;
    }
}
