package dev.o2c.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderStatusTest {

    @Test
    void theLifeCycleMovesForwardOnly() {
        assertThat(next(OrderStatus.CREDIT_CHECK))
                .containsExactlyInAnyOrder(OrderStatus.CREDIT_REVIEW, OrderStatus.APPROVED, OrderStatus.REJECTED);
        assertThat(next(OrderStatus.CREDIT_REVIEW))
                .containsExactlyInAnyOrder(OrderStatus.APPROVED, OrderStatus.REJECTED, OrderStatus.AWAITING_PREPAYMENT);
        assertThat(next(OrderStatus.AWAITING_PREPAYMENT))
                .containsExactlyInAnyOrder(OrderStatus.APPROVED, OrderStatus.REJECTED, OrderStatus.CREDIT_REVIEW);
        assertThat(next(OrderStatus.APPROVED))
                .containsExactlyInAnyOrder(OrderStatus.SHIPPED, OrderStatus.CREDIT_REVIEW);
        assertThat(next(OrderStatus.SHIPPED)).containsExactly(OrderStatus.INVOICED);
        assertThat(next(OrderStatus.INVOICED)).containsExactly(OrderStatus.COMPLETED);
        assertThat(next(OrderStatus.REJECTED)).isEmpty();
        assertThat(next(OrderStatus.COMPLETED)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void onlyApprovedAndShippedOrdersHoldCredit(OrderStatus status) {
        assertThat(status.holdsReservation())
                .isEqualTo(status == OrderStatus.APPROVED || status == OrderStatus.SHIPPED);
    }

    @Test
    void anIllegalMoveIsAConflictAndChangesNothing() {
        SalesOrder order = new SalesOrder(1L, "EUR", "sales", Instant.EPOCH);
        assertThatThrownBy(() -> order.ship(Instant.EPOCH))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining("CREDIT_CHECK to SHIPPED");
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CREDIT_CHECK);
        assertThat(order.getShippedAt()).isNull();
    }

    @Test
    void invoicingReleasesTheReservation() {
        SalesOrder order = new SalesOrder(1L, "EUR", "sales", Instant.EPOCH);
        order.addLine("A", "Thing", new java.math.BigDecimal("2"), new java.math.BigDecimal("10.005"));
        assertThat(order.getTotalAmount()).isEqualByComparingTo("20.01");
        order.approveWithReservation(order.getTotalAmount());
        order.ship(Instant.EPOCH);
        order.invoice();
        assertThat(order.getReservedAmount()).isZero();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.INVOICED);
    }

    private static Set<OrderStatus> next(OrderStatus from) {
        Set<OrderStatus> next = EnumSet.noneOf(OrderStatus.class);
        for (OrderStatus to : OrderStatus.values()) {
            if (from.canMoveTo(to)) {
                next.add(to);
            }
        }
        return next;
    }
}
