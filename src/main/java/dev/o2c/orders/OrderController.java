package dev.o2c.orders;

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
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Placing orders and confirming shipments. Reading an order together with its credit decision and invoice is a view
 * across modules and lives downstream (dev.o2c.workspace).
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final OrderIntake intake;
    private final ShipmentConfirmation shipments;

    OrderController(OrderIntake intake, ShipmentConfirmation shipments) {
        this.intake = intake;
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
                .body(OrderView.of(order));
    }

    /** The warehouse confirms the shipment; the process goes on to invoicing. Repeating it is harmless. */
    @PostMapping("/{id}/shipment")
    @Allowed({Groups.SALES, Groups.OPERATORS})
    OrderView ship(@PathVariable long id) {
        return OrderView.of(shipments.confirm(id, CurrentUser.get().name()));
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
}
