package dev.o2c.workspace;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceService;
import dev.o2c.credit.CreditDecision;
import dev.o2c.credit.CreditDecisions;
import dev.o2c.orders.OrderService;
import dev.o2c.orders.OrderView;
import dev.o2c.orders.SalesOrder;
import dev.o2c.platform.security.OfficeStaff;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Orders as sales and credit staff follow them: the order, the credit decision that stands and its invoice. */
@RestController
@RequestMapping("/api/orders")
class OrderOverviewController {

    private final OrderService orders;
    private final CreditDecisions decisions;
    private final InvoiceService invoices;

    OrderOverviewController(OrderService orders, CreditDecisions decisions, InvoiceService invoices) {
        this.orders = orders;
        this.decisions = decisions;
        this.invoices = invoices;
    }

    @GetMapping
    @OfficeStaff
    List<OrderOverview> recent() {
        return orders.recent().stream().map(this::overview).toList();
    }

    @GetMapping("/{id}")
    @OfficeStaff
    OrderOverview get(@PathVariable long id) {
        return overview(orders.get(id));
    }

    private OrderOverview overview(SalesOrder order) {
        return new OrderOverview(
                OrderView.of(order),
                decisions.latestFor(order.getId()).map(CreditDecisionView::of).orElse(null),
                invoices.forOrder(order.getId()).map(Invoice::getId).orElse(null));
    }

    record OrderOverview(@JsonUnwrapped OrderView order, CreditDecisionView creditDecision, Long invoiceId) {}

    record CreditDecisionView(
            String outcome, String reason, String source, String decidedBy, Instant decidedAt, String inputs) {
        static CreditDecisionView of(CreditDecision d) {
            return new CreditDecisionView(
                    d.getOutcome().name(),
                    d.getReason(),
                    d.getSource().name(),
                    d.getDecidedBy(),
                    d.getDecidedAt(),
                    d.getInputs());
        }
    }
}
