package dev.o2c.credit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.customers.Customer;
import dev.o2c.orders.OrderService;
import dev.o2c.orders.OrderStatus;
import dev.o2c.orders.SalesOrder;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.awaitility.Awaitility;

/** N orders of one customer reserving credit at the same moment never go beyond the limit. */
@IntegrationTest
class ConcurrentReservationTest {

  @Autowired Scenario scenario;
  @Autowired OrderService orders;
  @Autowired CreditReservation reservation;
  @Autowired CreditExposure exposure;

  @Test
  void simultaneousReservationsStopExactlyAtTheLimit() throws Exception {
    Customer customer = scenario.customer("1000");
    List<SalesOrder> placed = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      // placed without a process: this test races the reservation itself, twelve threads at once
      placed.add(orders.place(customer.getId(),
          List.of(new OrderService.NewLine("SKU", "Goods", BigDecimal.ONE, new BigDecimal("150.00"))), "sales"));
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
        .filteredOn(status -> status == OrderStatus.APPROVED).hasSize(6);
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
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> placed.stream()
        .filter(order -> orders.get(order.getId()).getStatus() == OrderStatus.APPROVED).count() == 3);
    assertThat(exposure.of(customer.getId())).isEqualByComparingTo("900.00");
  }
}
