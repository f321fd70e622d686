package dev.o2c.credit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.customers.Customer;
import dev.o2c.orders.OrderService;
import dev.o2c.orders.OrderStatus;
import dev.o2c.orders.SalesOrder;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.ProcesslessOrders;
import dev.o2c.support.Scenario;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** N orders of one customer reserving credit at the same moment never go beyond the limit. */
@IntegrationTest
class ConcurrentReservationTest {

    @Autowired
    Scenario scenario;

    @Autowired
    OrderService orders;

    @Autowired
    CreditReservation reservation;

    @Autowired
    CreditExposure exposure;

    @Autowired
    CreditReviews reviews;

    @Autowired
    ProcesslessOrders processless;

    @AfterEach
    void rejectLeftOver() {
        processless.rejectLeftOver();
    }

    @Test
    void simultaneousReservationsStopExactlyAtTheLimit() throws Exception {
        Customer customer = scenario.customer("1000");
        List<SalesOrder> placed = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // placed without a process: this test races the reservation itself, twelve threads at once
            placed.add(processless.place(customer.getId(), "Goods", "150.00"));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<CreditReservation.Result>> results = new ArrayList<>();
        for (SalesOrder order : placed) {
            results.add(pool.submit(() -> {
                start.await();
                return reservation.reserve(order.getId(), "test");
            }));
        }
        start.countDown();
        int reserved = 0;
        for (Future<CreditReservation.Result> result : results) {
            if (result.get().reserved()) {
                reserved++;
            }
        }
        pool.shutdown();

        assertThat(reserved).isEqualTo(6); // 6 x 150 = 900 fits in 1000, a seventh would not
        assertThat(exposure.of(customer.getId())).isEqualByComparingTo("900.00");
        assertThat(placed.stream().map(order -> orders.get(order.getId()).getStatus()))
                .filteredOn(status -> status == OrderStatus.APPROVED)
                .hasSize(6);
    }

    @Test
    void concurrentOrdersThroughTheProcessNeverExceedTheLimit() throws Exception {
        Customer customer = scenario.customer("1000");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<SalesOrder>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            futures.add(pool.submit(() -> scenario.order(customer, "300.00")));
        }
        List<SalesOrder> placed = new ArrayList<>();
        for (Future<SalesOrder> future : futures) {
            placed.add(future.get());
        }
        pool.shutdown();

        // each order ends either approved (credit reserved) or back in review after losing the race
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> placed.stream()
                .map(order -> orders.get(order.getId()).getStatus())
                .allMatch(status -> status == OrderStatus.APPROVED || status == OrderStatus.CREDIT_REVIEW));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> placed.stream()
                                .filter(order -> orders.get(order.getId()).getStatus() == OrderStatus.APPROVED)
                                .count()
                        == 3);
        assertThat(exposure.of(customer.getId())).isEqualByComparingTo("900.00");
    }

    /**
     * Two orders with an authorised override each (1,000 over a 1,000 limit) race six ordinary orders. Whoever comes
     * first decides: an override reserves only while its excess is what was authorised, so at most one of them goes
     * through, and exposure never exceeds the limit plus the excess the used approvals recorded.
     */
    @Test
    void overridesRacingOrdinaryOrdersNeverGoBeyondWhatTheApprovalsAllow() throws Exception {
        for (int round = 0; round < 3; round++) {
            Customer customer = scenario.customer("1000");
            List<SalesOrder> overrides = new ArrayList<>();
            List<CreditApproval> approvals = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                SalesOrder order = processless.place(customer.getId(), "Big", "2000.00");
                overrides.add(order);
                approvals.add(reviews.recordReview(
                                order.getId(), ReviewChoice.approve("race " + i), "manager", "race-" + order.getId())
                        .orElseThrow());
                assertThat(approvals.getLast().getAuthorisedOverLimit()).isEqualByComparingTo("1000.00");
            }
            List<SalesOrder> ordinary = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ordinary.add(processless.place(customer.getId(), "Goods", "150.00"));
            }
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<CreditReservation.Result>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                long orderId = overrides.get(i).getId();
                long approvalId = approvals.get(i).getId();
                results.add(pool.submit(() -> {
                    start.await();
                    return reservation.reserve(orderId, "test", approvalId);
                }));
            }
            for (SalesOrder order : ordinary) {
                results.add(pool.submit(() -> {
                    start.await();
                    return reservation.reserve(order.getId(), "test");
                }));
            }
            start.countDown();
            for (Future<CreditReservation.Result> result : results) {
                result.get();
            }
            pool.shutdown();

            List<CreditApproval> after = approvals.stream()
                    .map(a -> reviews.find(a.getId()).orElseThrow())
                    .toList();
            List<CreditApproval> used = after.stream()
                    .filter(a -> a.getStatus() == CreditApproval.Status.USED)
                    .toList();
            BigDecimal recordedExcess =
                    used.stream().map(CreditApproval::getReservedOverLimit).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal reserved = java.util.stream.Stream.concat(overrides.stream(), ordinary.stream())
                    .map(order -> orders.get(order.getId()).getReservedAmount())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            long ordinaryApproved = ordinary.stream()
                    .filter(order -> orders.get(order.getId()).getStatus() == OrderStatus.APPROVED)
                    .count();

            assertThat(exposure.of(customer.getId())).isEqualByComparingTo(reserved);
            assertThat(reserved).isLessThanOrEqualTo(new BigDecimal("1000").add(recordedExcess));
            assertThat(used).hasSizeLessThanOrEqualTo(1);
            assertThat(after).allSatisfy(approval -> assertThat(approval.getStatus())
                    .isIn(CreditApproval.Status.USED, CreditApproval.Status.LAPSED));
            if (used.isEmpty()) {
                // an ordinary order came first: both overrides lapsed, the ordinary ones fill the limit
                assertThat(ordinaryApproved).isEqualTo(6);
                assertThat(reserved).isEqualByComparingTo("900.00");
            } else {
                // an override came first and took its authorised 1,000 over the limit; nothing else fits
                assertThat(used.getFirst().getReservedOverLimit()).isEqualByComparingTo("1000.00");
                assertThat(ordinaryApproved).isZero();
                assertThat(reserved).isEqualByComparingTo("2000.00");
            }
            assertThat(overrides.stream().map(order -> orders.get(order.getId()).getStatus()))
                    .allSatisfy(status -> assertThat(status).isIn(OrderStatus.APPROVED, OrderStatus.CREDIT_REVIEW));
        }
    }
}
