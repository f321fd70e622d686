package dev.o2c.support;

import dev.o2c.billing.CreditNote;
import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceAdjusted;
import dev.o2c.customers.Customer;
import dev.o2c.customers.RiskClass;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * A customer account with something in every part, for the account page and its API: an invoice of 1,000.00 paid
 * 980.00 less a 20.00 discount and credited 300.00 (20.00 reverses the discount, 280.00 becomes customer credit), and
 * an invoice of 2,000.00 paid 500.00 (1,500.00 open). Limit 10,000.00, NET30, no VAT.
 */
@Component
public class AccountScenario {

    public static final String CREDIT_NOTE_REASON = "<b>Faulty</b> pallets & <i>returned</i>";
    public static final String PART_PAYMENT = "500.00";

    private final Scenario scenario;
    private final CreditNoteDesk desk;

    AccountScenario(Scenario scenario, CreditNoteDesk desk) {
        this.scenario = scenario;
        this.desk = desk;
    }

    public record Account(Customer customer, Invoice discounted, CreditNote creditNote, Invoice partPaid) {}

    public Account build(String name) {
        Customer customer = scenario.customer(name, "NET30", "10000", RiskClass.B, BigDecimal.ZERO);
        Invoice discounted = scenario.invoiceFor(customer, "1000.00");
        scenario.payLess(customer, discounted, "980.00", InvoiceAdjusted.Kind.DISCOUNT, "20.00");
        CreditNote note = desk.issue(discounted, "300.00", CREDIT_NOTE_REASON);
        Invoice partPaid = scenario.invoiceFor(customer, "2000.00");
        scenario.pay(customer, partPaid, PART_PAYMENT);
        return new Account(customer, scenario.invoice(discounted.getId()), note, scenario.invoice(partPaid.getId()));
    }
}
