package dev.o2c.documents;

import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceService;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.PostalAddress;
import dev.o2c.orders.OrderService;
import dev.o2c.support.IntegrationTest;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How long a document takes to make and how big it is: the invoice PDF, a reminder, Factur-X and UBL for one
 * two-line invoice, rendered again and again (nothing stored). Run with
 * {@code ./mvnw -Pbenchmark test -Dtest=DocumentBenchmark}.
 */
@Tag("benchmark")
@IntegrationTest
class DocumentBenchmark {

    @Autowired
    DocumentFixture fixture;

    @Autowired
    InvoiceService invoices;

    @Autowired
    CustomerService customers;

    @Autowired
    OrderService orders;

    @Autowired
    CompanyProperties company;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void rendersDocuments() {
        Customer created = fixture.customer(
                "Benchmark GmbH", "de", new PostalAddress("Ring 1", "50667", "Köln", "DE", "0088:4012345000009"));
        Invoice issued = fixture.invoice(created);
        InvoiceFacts facts = transactions.execute(status -> {
            Invoice invoice = invoices.get(issued.getId());
            return new InvoiceFacts(
                    invoice,
                    customers.get(created.getId()),
                    List.copyOf(orders.get(invoice.getOrderId()).getLines()),
                    company);
        });
        Wording words = Wording.of("de");
        ReminderLetterRequest reminder = new ReminderLetterRequest(
                issued.getId(), 2, issued.getOpenAmount(), java.math.BigDecimal.ZERO, issued.getOpenAmount(), 17);
        System.out.printf(
                "%nDocument benchmark (JVM %s, %d cores)%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        byte[] pdf = measure("invoice PDF", 200, () -> DocumentRenderer.invoice(facts, words));
        measure(
                "reminder PDF",
                200,
                () -> DocumentRenderer.reminder(
                        facts, reminder, issued.getIssueDate(), "Zweite Zahlungserinnerung", words));
        measure("Factur-X PDF/A-3", 50, () -> EInvoices.facturX(facts, pdf));
        measure("UBL XML", 50, () -> EInvoices.ubl(facts));
    }

    private static byte[] measure(String what, int times, Supplier<byte[]> render) {
        for (int i = 0; i < 5; i++) {
            render.get();
        }
        long start = System.nanoTime();
        byte[] last = null;
        for (int i = 0; i < times; i++) {
            last = render.get();
        }
        double millis = (System.nanoTime() - start) / 1e6 / times;
        System.out.printf("  %-18s %7.1f ms each (%d runs), %,d bytes%n", what, millis, times, last.length);
        return last;
    }
}
