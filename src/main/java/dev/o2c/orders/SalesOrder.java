package dev.o2c.orders;

import dev.o2c.platform.money.Amounts;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.DynamicUpdate;

/**
 * Updated column by column ({@link DynamicUpdate}): the process instance key is written by a targeted update after the
 * order committed, while the process's workers may already hold the order, and their saves must not write it back.
 */
@Entity
@DynamicUpdate
public class SalesOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long customerId;
    private String currency;
    private BigDecimal totalAmount;

    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    private String placedBy;
    private Instant placedAt;
    private Long processInstanceKey;
    private BigDecimal reservedAmount;
    private Instant shippedAt;
    private Instant completedAt;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("lineNo")
    private List<OrderLine> lines = new ArrayList<>();

    @Version
    private long version;

    protected SalesOrder() {}

    public SalesOrder(long customerId, String currency, String placedBy, Instant placedAt) {
        this.customerId = customerId;
        this.currency = currency;
        this.placedBy = placedBy;
        this.placedAt = placedAt;
        this.status = OrderStatus.CREDIT_CHECK;
        this.totalAmount = BigDecimal.ZERO;
        this.reservedAmount = BigDecimal.ZERO;
    }

    public void addLine(String sku, String description, BigDecimal quantity, BigDecimal unitPrice) {
        BigDecimal amount = Amounts.round(quantity.multiply(unitPrice), currency);
        lines.add(new OrderLine(this, lines.size() + 1, sku, description, quantity, unitPrice, amount));
        totalAmount = totalAmount.add(amount);
    }

    /** Moves the order along its life cycle; an illegal move is a conflict, never a silent overwrite. */
    void moveTo(OrderStatus target) {
        if (!status.canMoveTo(target)) {
            throw new IllegalOrderTransitionException("order " + id + " cannot go from " + status + " to " + target);
        }
        status = target;
    }

    void approveWithReservation(BigDecimal amount) {
        moveTo(OrderStatus.APPROVED);
        reservedAmount = amount;
    }

    void ship(Instant at) {
        moveTo(OrderStatus.SHIPPED);
        shippedAt = at;
    }

    void invoice() {
        moveTo(OrderStatus.INVOICED);
        reservedAmount = BigDecimal.ZERO;
    }

    void complete(Instant at) {
        moveTo(OrderStatus.COMPLETED);
        completedAt = at;
    }

    void sendBackToReview() {
        moveTo(OrderStatus.CREDIT_REVIEW);
        reservedAmount = BigDecimal.ZERO;
    }

    void startedAs(long processInstanceKey) {
        this.processInstanceKey = processInstanceKey;
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getTotalAmount() {
        return totalAmount;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public String getPlacedBy() {
        return placedBy;
    }

    public Instant getPlacedAt() {
        return placedAt;
    }

    public Long getProcessInstanceKey() {
        return processInstanceKey;
    }

    public BigDecimal getReservedAmount() {
        return reservedAmount;
    }

    public Instant getShippedAt() {
        return shippedAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public List<OrderLine> getLines() {
        return List.copyOf(lines);
    }
}
