package dev.o2c.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as the API shows it; views downstream add what other modules know of it (decision, invoice). */
public record OrderView(
        long id,
        long customerId,
        OrderStatus status,
        BigDecimal totalAmount,
        String currency,
        BigDecimal reservedAmount,
        String placedBy,
        Instant placedAt,
        Long processInstanceKey,
        List<LineView> lines) {

    public record LineView(
            int lineNo,
            String sku,
            String description,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal lineAmount) {}

    public static OrderView of(SalesOrder order) {
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
}
