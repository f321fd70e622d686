package dev.o2c.collections;

import static org.awaitility.Awaitility.await;

import dev.o2c.billing.Invoice;
import dev.o2c.customers.Customer;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import dev.o2c.support.EngineRecords;
import dev.o2c.support.Scenario;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.HumanTaskRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.stereotype.Component;

/** An invoice on its way through invoice-collection, and the steps a test takes with it. */
@Component
class CollectionScenario {

    static final CurrentUser COLLECTOR = new CurrentUser("collector", Set.of(Groups.COLLECTORS));
    static final String FOLLOW_UP = "Task_CollectionsFollowUp";

    private final Scenario scenario;
    private final EngineRecords engine;
    private final ReminderRepository reminders;
    private final HumanTaskRepository tasks;
    private final Clock clock;

    CollectionScenario(
            Scenario scenario,
            EngineRecords engine,
            ReminderRepository reminders,
            HumanTaskRepository tasks,
            Clock clock) {
        this.scenario = scenario;
        this.engine = engine;
        this.reminders = reminders;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Places, approves and ships an order; returns its invoice once its collection process waits for payment. */
    Invoice invoiceFor(Customer customer, String amount) {
        return scenario.invoiceFor(customer, amount);
    }

    void days(int days) {
        scenario.advance(Duration.ofDays(days));
    }

    Reminder awaitReminder(Invoice invoice, int level) {
        return await().atMost(Scenario.PATIENCE)
                .until(
                        () -> reminders
                                .findByInvoiceIdAndLevel(invoice.getId(), level)
                                .orElse(null),
                        r -> r != null);
    }

    HumanTask awaitFollowUp(Invoice invoice, long afterJobKey) {
        return await().atMost(Scenario.PATIENCE)
                .until(
                        () -> tasks.findByStatusOrderByCreatedAtAsc(HumanTask.Status.OPEN).stream()
                                .filter(task -> FOLLOW_UP.equals(task.getElementId())
                                        && invoice.getNumber().equals(task.getBusinessKey())
                                        && task.getJobKey() != afterJobKey)
                                .findFirst()
                                .orElse(null),
                        task -> task != null);
    }

    void pay(Customer customer, Invoice invoice, String amount) {
        scenario.pay(customer, invoice, amount);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
