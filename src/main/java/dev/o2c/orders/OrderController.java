package dev.o2c.orders;

import dev.o2c.billing.InvoiceRepository;
import dev.o2c.credit.CreditDecision;
import dev.o2c.credit.CreditDecisionRepository;
import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final OrderIntake intake;
    private final OrderService orders;
    private final CreditDecisionRepository decisions;
    private final InvoiceRepository invoices;
    private final ShipmentConfirmation shipments;

    OrderController(
            OrderIntake intake,
            OrderService orders,
            CreditDecisionRepository decisions,
            InvoiceRepository invoices,
            ShipmentConfirmation shipments) {
        this.intake = intake;
        this.orders = orders;
        this.decisions = decisions;
        this.invoices = invoices;
        this.shipments = shipments;
    }

    @PostMapping
    @Allowed(Groups.SALES)
    ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrder request) {
        List<OrderService.NewLine> lines = request.lines().stream()
                .map(line -> new OrderService.NewLine(
                        line.sku().trim(), line.description().trim(), line.quantity(), line.unitPrice()))
                .toList();
        SalesOrder order =
                intake.place(request.customerId(), lines, CurrentUser.get().name());
        return ResponseEntity.created(URI.create("/api/orders/" + order.getId()))
                .body(view(order));
    }

    @GetMapping
    @Allowed(Allowed.ANY_USER)
    List<OrderView> recent() {
        return orders.recent().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    @Allowed(Allowed.ANY_USER)
    OrderView get(@PathVariable long id) {
        return view(orders.get(id));
    }

    /** The warehouse confirms the shipment; the process goes on to invoicing. Repeating it is harmless. */
    @PostMapping("/{id}/shipment")
    @Allowed({Groups.SALES, Groups.OPERATORS})
    OrderView ship(@PathVariable long id) {
        return view(shipments.confirm(id, CurrentUser.get().name()));
    }

    private OrderView view(SalesOrder order) {
        CreditDecisionView decision = decisions
                .findFirstByOrderIdOrderByIdDesc(order.getId())
                .map(CreditDecisionView::of)
                .orElse(null);
        Long invoiceId = invoices.findByOrderId(order.getId())
                .map(invoice -> invoice.getId())
                .orElse(null);
        return new OrderView(
                order.getId(),
                order.getCustomerId(),
                order.getStatus(),
                order.getTotalAmount(),
                order.getCurrency(),
                order.getReservedAmount(),
                order.getPlacedBy(),
                order.getPlacedAt(),
                order.getProcessInstanceKey(),
                decision,
                invoiceId,
                order.getLines().stream()
                        .map(line -> new LineView(
                                line.getLineNo(),
                                line.getSku(),
                                line.getDescription(),
                                line.getQuantity(),
                                line.getUnitPrice(),
                                line.getLineAmount()))
                        .toList());
    }

    record PlaceOrder(
            @NotNull @Positive Long customerId,
            @NotEmpty @Size(max = 500) List<@NotNull @Valid Line> lines) {}

    record Line(
            @NotBlank @Size(max = 64) String sku,
            @NotBlank @Size(max = 500) String description,

            @NotNull @Positive @Digits(integer = 12, fraction = 3)
            BigDecimal quantity,

            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 2)
            BigDecimal unitPrice) {}

    record OrderView(
            long id,
            long customerId,
            OrderStatus status,
            BigDecimal totalAmount,
            String currency,
            BigDecimal reservedAmount,
            String placedBy,
            Instant placedAt,
            Long processInstanceKey,
            CreditDecisionView creditDecision,
            Long invoiceId,
            List<LineView> lines) {}

    record LineView(
            int lineNo,
            String sku,
            String description,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal lineAmount) {}

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
