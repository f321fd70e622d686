package dev.o2c.collections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.billing.Invoice;
import dev.o2c.customers.Customer;
import dev.o2c.platform.audit.AuditRepository;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A reminder job delivered twice sends one reminder, one e-mail and charges the recovery fee once. */
@IntegrationTest
class ReminderIdempotencyTest {

    @Autowired
    CollectionScenario collection;

    @Autowired
    Scenario scenario;

    @Autowired
    DunningService dunning;

    @Autowired
    ReminderRepository reminders;

    @Autowired
    OutboxEmailRepository outbox;

    @Autowired
    AuditRepository audit;

    @Test
    void sendingTheSameLevelTwiceChangesNothingTheSecondTime() {
        Customer customer = scenario.customer("5000");
        Invoice invoice = collection.invoiceFor(customer, "200.00");

        var charges = new DunningService.Charges(true, true);
        var first = dunning.sendReminder(invoice.getId(), 2, charges);
        var second = dunning.sendReminder(invoice.getId(), 2, charges);

        assertThat(first.sentNow()).isTrue();
        assertThat(second.sentNow()).isFalse();
        assertThat(second.reminder().getId()).isEqualTo(first.reminder().getId());
        assertThat(reminders.findByInvoiceIdOrderByLevelAsc(invoice.getId())).hasSize(1);
        assertThat(outbox.findByDedupKey("reminder-" + invoice.getId() + "-2")).isPresent();
        // the recovery fee once (not yet overdue: no interest)
        assertThat(scenario.invoice(invoice.getId()).getOpenAmount()).isEqualByComparingTo("240.00");
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "invoice", invoice.getId().toString()))
                .filteredOn(record -> record.getAction().equals("REMINDER_SENT"))
                .hasSize(1);
    }

    @Test
    void aPaidInvoiceGetsNoReminder() {
        Customer customer = scenario.customer("5000");
        Invoice invoice = collection.invoiceFor(customer, "100.00");
        collection.pay(customer, invoice, "100.00");

        var outcome = dunning.sendReminder(invoice.getId(), 1, DunningService.Charges.NONE);

        assertThat(outcome.sentNow()).isFalse();
        assertThat(reminders.findByInvoiceIdOrderByLevelAsc(invoice.getId())).isEmpty();
    }
}
