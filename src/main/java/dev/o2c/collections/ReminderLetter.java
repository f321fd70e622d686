package dev.o2c.collections;

import dev.o2c.billing.Invoice;
import dev.o2c.customers.Customer;
import java.math.BigDecimal;

/** The words of a reminder e-mail. */
final class ReminderLetter {

    private ReminderLetter() {}

    static String title(int level) {
        return switch (level) {
            case 1 -> "Payment reminder";
            case 2 -> "Second payment reminder";
            default -> "Final notice";
        };
    }

    static String subject(int level, String invoiceNumber) {
        return title(level) + ": invoice " + invoiceNumber;
    }

    static String body(
            Customer customer, Invoice invoice, int level, BigDecimal fee, BigDecimal interest, long daysOverdue) {
        StringBuilder text = new StringBuilder()
                .append("Dear ")
                .append(customer.getName())
                .append(",\n\n")
                .append("our invoice ")
                .append(invoice.getNumber())
                .append(" of ")
                .append(invoice.getIssueDate())
                .append(" was due on ")
                .append(invoice.getDueDate())
                .append(" and is ")
                .append(daysOverdue)
                .append(" days overdue.\n");
        if (fee.signum() > 0) {
            text.append("Reminder fee: ")
                    .append(fee)
                    .append(' ')
                    .append(invoice.getCurrency())
                    .append('\n');
        }
        if (interest.signum() > 0) {
            text.append("Default interest: ")
                    .append(interest)
                    .append(' ')
                    .append(invoice.getCurrency())
                    .append('\n');
        }
        text.append("Amount now due: ")
                .append(invoice.getOpenAmount())
                .append(' ')
                .append(invoice.getCurrency())
                .append("\n\nPlease quote the payment reference ")
                .append(invoice.getCreditorReference())
                .append(" (invoice ")
                .append(invoice.getNumber())
                .append(") with your payment.\n");
        if (level >= 3) {
            text.append("\nThis is our final notice. Without payment we will pass the matter to collections.\n");
        }
        return text.toString();
    }
}
