package dev.o2c.support;

import static org.awaitility.Awaitility.await;

import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceAdjusted;
import dev.o2c.billing.InvoiceRepository;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.PaymentTerms;
import dev.o2c.customers.RiskClass;
import dev.o2c.orders.OrderIntake;
import dev.o2c.orders.OrderService;
import dev.o2c.orders.OrderStatus;
import dev.o2c.orders.SalesOrder;
import dev.o2c.orders.ShipmentConfirmation;
import dev.o2c.payments.PaymentService;
import dev.o2c.platform.engine.TimeTravel;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.HumanTaskRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Builds business situations through the real services and waits for the engine to move them on. */
@Component
public class Scenario {

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final CustomerService customers;
    private final OrderIntake intake;
    private final OrderService orders;
    private final InvoiceRepository invoices;
    private final HumanTaskRepository tasks;
    private final TimeTravel timeTravel;
    private final ShipmentConfirmation shipments;
    private final EngineRecords engine;
    private final PaymentService payments;
    private final Clock clock;

    Scenario(
            CustomerService customers,
            OrderIntake intake,
            OrderService orders,
            InvoiceRepository invoices,
            HumanTaskRepository tasks,
            TimeTravel timeTravel,
            ShipmentConfirmation shipments,
            EngineRecords engine,
            PaymentService payments,
            Clock clock) {
        this.payments = payments;
        this.clock = clock;
        this.shipments = shipments;
        this.engine = engine;
        this.customers = customers;
        this.intake = intake;
        this.orders = orders;
        this.invoices = invoices;
        this.tasks = tasks;
        this.timeTravel = timeTravel;
    }

    /** A payment by a clerk, today, naming the invoice: applied to it first, the rest oldest first. */
    public void pay(Customer customer, Invoice invoice, String amount) {
        payments.post(
                new PaymentService.NewPayment(
                        customer.getId(),
                        new BigDecimal(amount),
                        invoice.getCurrency(),
                        invoice.getNumber(),
                        LocalDate.now(clock),
                        null,
                        List.of()),
                "clerk");
    }

    /**
     * A payment by a clerk, today, of less than the invoice, the rest settled without money (an early-payment discount
     * or an accepted short-payment deduction).
     */
    public void payLess(Customer customer, Invoice invoice, String paid, InvoiceAdjusted.Kind kind, String adjustment) {
        payments.postPlanned(
                new PaymentService.NewPayment(
                        customer.getId(),
                        new BigDecimal(paid),
                        invoice.getCurrency(),
                        invoice.getNumber(),
                        LocalDate.now(clock),
                        null,
                        List.of()),
                List.of(new PaymentService.InvoiceSettlement(
                        invoice.getId(), new BigDecimal(paid), kind, new BigDecimal(adjustment))),
                "clerk",
                kind == InvoiceAdjusted.Kind.DISCOUNT ? "early-payment discount" : "short payment accepted");
    }

    public Customer customer(String terms, String limit, RiskClass risk) {
        return customer(terms, limit, risk, BigDecimal.ZERO);
    }

    /** A customer billed with VAT at {@code taxRate} (0.19 for 19 %). */
    public Customer customer(String terms, String limit, RiskClass risk, BigDecimal taxRate) {
        return customer("Customer", terms, limit, risk, taxRate);
    }

    /** A customer whose name starts with {@code name} and ends with a tag of its own. */
    public Customer customer(String name, String terms, String limit, RiskClass risk, BigDecimal taxRate) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return customers.create(
                new CustomerService.NewCustomer(
                        name + " " + tag,
                        tag + "@customer.example",
                        "EUR",
                        PaymentTerms.parse(terms),
                        new BigDecimal(limit),
                        risk,
                        taxRate,
                        null),
                "test");
    }

    public Customer customer(String limit) {
        return customer("NET30", limit, RiskClass.B);
    }

    public SalesOrder order(Customer customer, String amount, String placedBy) {
        return intake.place(
                customer.getId(),
                List.of(new OrderService.NewLine("SKU-1", "Test goods", BigDecimal.ONE, new BigDecimal(amount))),
                placedBy);
    }

    public SalesOrder order(Customer customer, String amount) {
        return order(customer, amount, "sales");
    }

    public SalesOrder awaitStatus(SalesOrder order, OrderStatus status) {
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> orders.get(order.getId()).getStatus() == status);
        return orders.get(order.getId());
    }

    public HumanTask awaitOpenTask(long processInstanceKey, String elementId) {
        return await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> tasks
                                .findByProcessInstanceKeyAndElementIdAndStatus(
                                        processInstanceKey, elementId, HumanTask.Status.OPEN)
                                .stream()
                                .findFirst()
                                .orElse(null),
                        task -> task != null);
    }

    /** The order must end up in credit review; returns its open review task. */
    public HumanTask awaitReview(SalesOrder order) {
        awaitStatus(order, OrderStatus.CREDIT_REVIEW);
        return awaitOpenTask(order.getProcessInstanceKey(), "Task_ReviewCredit");
    }

    public Invoice awaitInvoice(SalesOrder order) {
        return await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> invoices.findByOrderId(order.getId()).orElse(null), invoice -> invoice != null);
    }

    /** Places, approves and ships an order; returns its invoice once its collection process waits for payment. */
    public Invoice invoiceFor(Customer customer, String amount) {
        SalesOrder order = awaitStatus(order(customer, amount), OrderStatus.APPROVED);
        shipments.confirm(order.getId(), "sales");
        Invoice invoice = awaitInvoice(order);
        engine.awaitCompleted(order.getProcessInstanceKey(), "Gateway_AwaitAgain");
        return invoice;
    }

    public Invoice invoice(long id) {
        return invoices.findById(id).orElseThrow();
    }

    public void advance(Duration duration) {
        timeTravel.advance(duration);
    }
}
