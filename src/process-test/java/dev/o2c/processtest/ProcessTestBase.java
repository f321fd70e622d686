package dev.o2c.processtest;

import static org.awaitility.Awaitility.await;

import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceRepository;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.PaymentTerms;
import dev.o2c.customers.RiskClass;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.orders.OrderIntake;
import dev.o2c.orders.OrderService;
import dev.o2c.orders.OrderStatus;
import dev.o2c.orders.SalesOrder;
import dev.o2c.platform.engine.TimeTravel;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.HumanTaskRepository;
import io.camunda.process.test.api.CamundaAssert;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Business situations built through the app's own services, as dev.o2c.support.Scenario does for the default suite;
 * the engine is CPT's, so the engine's view is checked with CamundaAssert instead of the embedded record stream.
 */
@ProcessTest
abstract class ProcessTestBase {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    CustomerService customers;

    @Autowired
    OrderIntake intake;

    @Autowired
    OrderService orders;

    @Autowired
    InvoiceRepository invoices;

    @Autowired
    HumanTaskRepository tasks;

    @Autowired
    TimeTravel timeTravel;

    @Autowired
    ProcessTestConfiguration.EngineTime engineTime;

    @Autowired
    LedgerInvariants ledger;

    @BeforeAll
    static void patience() {
        // The app's workers answer asynchronously and the container's secondary storage lags behind the engine.
        CamundaAssert.setAssertionTimeout(PATIENCE);
    }

    @AfterEach
    void ledgerStillHolds() {
        // the tests post payments, charges and bank credits: the ledger must still balance afterwards
        ledger.assertHold();
    }

    @AfterEach
    void resetApplicationClock() {
        // CPT resets the engine clock after each test; "today" of the application goes back with it.
        engineTime.reset();
    }

    Customer customer(String limit, RiskClass risk) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return customers.create(
                new CustomerService.NewCustomer(
                        "Customer " + tag,
                        tag + "@customer.example",
                        "EUR",
                        PaymentTerms.parse("NET30"),
                        new BigDecimal(limit),
                        risk,
                        BigDecimal.ZERO,
                        null),
                "test");
    }

    SalesOrder order(Customer customer, String amount) {
        return intake.place(
                customer.getId(),
                List.of(new OrderService.NewLine("SKU-1", "Test goods", BigDecimal.ONE, new BigDecimal(amount))),
                "sales");
    }

    SalesOrder awaitStatus(SalesOrder order, OrderStatus status) {
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> orders.get(order.getId()).getStatus() == status);
        return orders.get(order.getId());
    }

    /** The inbox registers job-based user tasks (jobs of type io.camunda.zeebe:userTask) as they are activated. */
    HumanTask awaitOpenTask(long processInstanceKey, String elementId) {
        return await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> tasks
                                .findByProcessInstanceKeyAndElementIdAndStatus(
                                        processInstanceKey, elementId, HumanTask.Status.OPEN)
                                .stream()
                                .findFirst()
                                .orElse(null),
                        task -> task != null);
    }

    Invoice awaitInvoice(SalesOrder order) {
        return await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> invoices.findByOrderId(order.getId()).orElse(null), invoice -> invoice != null);
    }

    Invoice invoice(long id) {
        return invoices.findById(id).orElseThrow();
    }
}
