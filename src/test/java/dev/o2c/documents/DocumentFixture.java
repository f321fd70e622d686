package dev.o2c.documents;

import dev.o2c.billing.Invoice;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.PaymentTerms;
import dev.o2c.customers.PostalAddress;
import dev.o2c.customers.RiskClass;
import dev.o2c.orders.OrderIntake;
import dev.o2c.orders.OrderService;
import dev.o2c.orders.OrderStatus;
import dev.o2c.orders.SalesOrder;
import dev.o2c.orders.ShipmentConfirmation;
import dev.o2c.support.PdfText;
import dev.o2c.support.Scenario;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Customers with a language and an address, invoices with several taxed lines, and the text of a PDF. */
@Component
class DocumentFixture {

    private final CustomerService customers;
    private final OrderIntake intake;
    private final ShipmentConfirmation shipments;
    private final Scenario scenario;

    DocumentFixture(CustomerService customers, OrderIntake intake, ShipmentConfirmation shipments, Scenario scenario) {
        this.customers = customers;
        this.intake = intake;
        this.shipments = shipments;
        this.scenario = scenario;
    }

    Customer customer(String name, String language, PostalAddress address) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return customers.create(
                new CustomerService.NewCustomer(
                        name,
                        tag + "@customer.example",
                        "EUR",
                        PaymentTerms.parse("NET30"),
                        new BigDecimal("100000"),
                        RiskClass.A,
                        new BigDecimal("0.19"),
                        null,
                        null,
                        true,
                        language,
                        address),
                "test");
    }

    static PostalAddress address() {
        return new PostalAddress("Hauptstrasse 5", "80331", "München", "DE");
    }

    /** Two lines: 3 x 120.50 and 2 x 45.10 = 451.70 net, 85.82 VAT at 19 %, 537.52 total. */
    Invoice invoice(Customer customer) {
        return invoice(customer, "45.10");
    }

    Invoice invoice(Customer customer, String boltPrice) {
        SalesOrder order = intake.place(
                customer.getId(),
                List.of(
                        new OrderService.NewLine(
                                "WID-1", "Widget, large", new BigDecimal("3"), new BigDecimal("120.50")),
                        new OrderService.NewLine(
                                "BOLT-7", "Bolts (box of 100)", new BigDecimal("2"), new BigDecimal(boltPrice))),
                "sales");
        scenario.awaitStatus(order, OrderStatus.APPROVED);
        shipments.confirm(order.getId(), "sales");
        return scenario.awaitInvoice(order);
    }

    static String text(byte[] pdf) {
        return PdfText.of(pdf);
    }
}
