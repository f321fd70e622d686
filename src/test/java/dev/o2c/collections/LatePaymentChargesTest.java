package dev.o2c.collections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.billing.Invoice;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.RiskClass;
import dev.o2c.documents.CustomerDocuments;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.platform.audit.AuditRecord;
import dev.o2c.platform.audit.AuditRepository;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.PdfText;
import dev.o2c.support.Scenario;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Late-payment charges by the EU rule on the embedded engine: interest at the reference rate plus 8 points a year for
 * each overdue day (each day charged once), the recovery fee once per invoice, nothing for a customer whose charges
 * credit managers waived.
 */
@IntegrationTest
class LatePaymentChargesTest {

    @Autowired
    CollectionScenario collection;

    @Autowired
    Scenario scenario;

    @Autowired
    LatePaymentSettings settings;

    @Autowired
    CustomerService customers;

    @Autowired
    AuditRepository audit;

    @Autowired
    Api api;

    @Autowired
    LedgerInvariants ledger;

    @Autowired
    CustomerDocuments documents;

    @Autowired
    OutboxEmailRepository outbox;

    @AfterEach
    void ledgerStillHolds() {
        ledger.assertHold();
    }

    @Test
    void theRateIsTheConfiguredReferenceRatePlusEightPointsAndTheFeeIsPerCurrency() {
        assertThat(settings.interest().referenceRatePercent()).isEqualByComparingTo("2.15");
        assertThat(settings.interest().pointsAboveReference()).isEqualByComparingTo("8");
        assertThat(settings.yearlyInterestPercent()).isEqualByComparingTo("10.15");
        assertThat(settings.recoveryFeeIn("EUR"))
                .hasValueSatisfying(fee -> assertThat(fee).isEqualByComparingTo("40.00"));
        assertThat(settings.recoveryFeeIn("JPY"))
                .as("no equivalent configured: no fee")
                .isEmpty();
    }

    @Test
    void interestAccruesPerOverdueDayOnTheInvoiceAmountAndTheRecoveryFeeIsChargedOnce() {
        Customer customer = scenario.customer("NET30", "20000", RiskClass.C);
        Invoice invoice = collection.invoiceFor(customer, "500.00");

        collection.days(31);
        Reminder first = collection.awaitReminder(invoice, 1);
        assertThat(first.getFee())
                .as("a friendly first reminder charges nothing")
                .isZero();
        assertThat(first.getInterest()).isZero();

        collection.days(7);
        Reminder second = collection.awaitReminder(invoice, 2);
        // 500.00 x 10.15 % x 8 / 365 = 1.1123
        assertThat(second.getInterestDays()).isEqualTo(8);
        assertThat(second.getInterest()).isEqualByComparingTo("1.11");
        assertThat(second.getFee()).isEqualByComparingTo("40.00");
        // the letter and its e-mail show what this reminder charged
        assertThat(PdfText.of(documents.sentLetter(invoice.getId(), 2).getContent()))
                .contains("Second payment reminder", "Recovery costs (flat rate)", "40.00 EUR")
                .contains("Late-payment interest (10.15 % a year, 8 days)", "1.11 EUR")
                .contains("Amount now due", second.getOpenAmount().toPlainString() + " EUR");
        assertThat(outbox.findByDedupKey("reminder-" + invoice.getId() + "-2")
                        .orElseThrow()
                        .getBody())
                .contains("It includes late-payment charges: Recovery costs (flat rate) 40.00 EUR,"
                        + " Late-payment interest (10.15 % a year, 8 days) 1.11 EUR.");

        collection.days(7);
        Reminder third = collection.awaitReminder(invoice, 3);
        // the 7 days since, on the 500.00 still open of the invoice itself: 500.00 x 10.15 % x 7 / 365 = 0.9733
        assertThat(third.getInterestDays()).isEqualTo(7);
        assertThat(third.getInterest()).isEqualByComparingTo("0.97");
        assertThat(third.getFee()).as("the recovery fee only once per invoice").isZero();
        assertThat(PdfText.of(documents.sentLetter(invoice.getId(), 3).getContent()))
                .contains("Final notice", "Late-payment interest (10.15 % a year, 7 days)", "0.97 EUR")
                .doesNotContain("Recovery costs");
        assertThat(scenario.invoice(invoice.getId()).getChargesAmount()).isEqualByComparingTo("42.08");
        assertThat(scenario.invoice(invoice.getId()).getOpenAmount()).isEqualByComparingTo("542.08");
    }

    @Test
    void aCustomerWhoseChargesAreWaivedIsChargedNothing() {
        Customer customer = scenario.customer("NET30", "20000", RiskClass.B);
        String path = "/api/customers/" + customer.getId() + "/late-charges";

        assertThat(api.exchange(
                                "collector",
                                org.springframework.http.HttpMethod.PUT,
                                path,
                                Map.of("waived", true, "reason", "x"),
                                Map.of())
                        .status())
                .as("only credit managers waive charges")
                .isEqualTo(403);
        Api.Response noReason = api.exchange(
                "manager", org.springframework.http.HttpMethod.PUT, path, Map.of("waived", true), Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("field").asText()).isEqualTo("reason");
        Api.Response waived = api.exchange(
                "manager",
                org.springframework.http.HttpMethod.PUT,
                path,
                Map.of("waived", true, "reason", "Strategic customer, agreed with sales"),
                Map.of());
        assertThat(waived.status()).isEqualTo(200);
        assertThat(waived.body().path("lateChargesWaived").asBoolean()).isTrue();
        assertThat(customers.get(customer.getId()).isLateChargesWaived()).isTrue();
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "customer", customer.getId().toString()))
                .extracting(AuditRecord::getAction)
                .containsOnlyOnce("LATE_CHARGES_WAIVED");

        Invoice invoice = collection.invoiceFor(customer, "1000.00");
        collection.days(31);
        collection.awaitReminder(invoice, 1);
        collection.days(14);
        Reminder second = collection.awaitReminder(invoice, 2);
        collection.days(14);
        Reminder third = collection.awaitReminder(invoice, 3);

        for (Reminder reminder : new Reminder[] {second, third}) {
            assertThat(reminder.getFee()).isZero();
            assertThat(reminder.getInterest()).isZero();
            assertThat(reminder.getOpenAmount()).isEqualByComparingTo("1000.00");
        }
        // what was spared is kept, so the days and the fee are not charged later should the waiver end
        assertThat(second.getWaivedFee()).isEqualByComparingTo("40.00");
        assertThat(second.getWaivedInterest()).isEqualByComparingTo("4.17");
        assertThat(second.getInterestDays()).isEqualTo(15);
        assertThat(third.getWaivedFee()).isZero();
        assertThat(third.getWaivedInterest()).isEqualByComparingTo("3.89");
        assertThat(scenario.invoice(invoice.getId()).getChargesAmount()).isZero();
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "invoice", invoice.getId().toString()))
                .extracting(AuditRecord::getAction)
                .doesNotContain("DUNNING_CHARGES_ADDED");

        Api.Response reinstated = api.exchange(
                "manager",
                org.springframework.http.HttpMethod.PUT,
                path,
                Map.of("waived", false, "reason", "Agreement ended"),
                Map.of());
        assertThat(reinstated.body().path("lateChargesWaived").asBoolean()).isFalse();
        assertThat(audit.findByEntityTypeAndEntityIdOrderByIdAsc(
                        "customer", customer.getId().toString()))
                .extracting(AuditRecord::getAction)
                .containsSubsequence("LATE_CHARGES_WAIVED", "LATE_CHARGES_REINSTATED");
    }
}
