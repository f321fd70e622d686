package dev.o2c.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o2c.billing.Invoice;
import dev.o2c.collections.disputes.Dispute;
import dev.o2c.collections.disputes.Disputes;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.RiskClass;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.support.AccountScenario;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import dev.o2c.tasks.HumanTask;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** GET /api/customer-accounts and /api/customer-accounts/{id}: one customer's account for AR and credit staff. */
@IntegrationTest
class CustomerAccountApiTest {

    @Autowired
    AccountScenario accounts;

    @Autowired
    CustomerService customers;

    @Autowired
    Scenario scenario;

    @Autowired
    Disputes disputes;

    @Autowired
    Api api;

    @Autowired
    LedgerInvariants ledger;

    @Autowired
    Clock clock;

    @AfterEach
    void ledgerStillHolds() {
        ledger.assertHold();
    }

    @Test
    void theAccountShowsWhatIsOwedTheCreditNotesSplitThePaymentsAndTheLimitChanges() {
        AccountScenario.Account built = accounts.build("Account API");
        long id = built.customer().getId();
        customers.changeCreditLimit(id, new BigDecimal("12000.00"), "manager", "grew <fast>");
        Api.Response dispute = api.post(
                "collector",
                "/api/invoices/" + built.partPaid().getId() + "/disputes",
                Map.of("amount", "100.00", "reasonCode", "DUPLICATE_BILLING", "comment", "billed <twice>"));
        assertThat(dispute.status()).isEqualTo(201);
        long disputeId = dispute.body().path("id").asLong();
        // routed to the AR clerks: their task on the invoice, not the collector's
        Dispute started = await().atMost(Scenario.PATIENCE)
                .until(() -> disputes.get(disputeId), d -> d.getProcessInstanceKey() != null);
        HumanTask task = scenario.awaitOpenTask(started.getProcessInstanceKey(), "Task_ResolveDispute");

        JsonNode account = ok("collector", "/api/customer-accounts/" + id);

        assertThat(account.path("customer").path("name").asText())
                .isEqualTo(built.customer().getName());
        assertThat(account.path("customer").path("paymentTerms").asText()).isEqualTo("NET30");
        assertThat(account.path("customer").path("creditLimit").decimalValue()).isEqualByComparingTo("12000.00");
        assertThat(account.path("exposure").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(account.path("availableCredit").decimalValue()).isEqualByComparingTo("10500.00");
        assertThat(account.path("score").isNull())
                .as("collectors do not read scores")
                .isTrue();

        // only the part-paid invoice is open; days overdue are the invoice's own
        JsonNode items = account.path("openItems");
        assertThat(items).hasSize(1);
        JsonNode item = items.path(0);
        assertThat(item.path("number").asText()).isEqualTo(built.partPaid().getNumber());
        assertThat(item.path("openAmount").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(item.path("status").asText()).isEqualTo("PARTIALLY_PAID");
        assertThat(item.path("daysOverdue").asLong()).isEqualTo(built.partPaid().daysOverdue(LocalDate.now(clock)));
        assertThat(item.path("disputeId").asLong()).isEqualTo(disputeId);
        assertThat(item.path("taskId").isNull()).isTrue();
        assertThat(ok("clerk", "/api/customer-accounts/" + id)
                        .path("openItems")
                        .path(0)
                        .path("taskId")
                        .asLong())
                .isEqualTo(task.getJobKey());

        JsonNode note = account.path("creditNotes").path(0);
        assertThat(account.path("creditNotes")).hasSize(1);
        assertThat(note.path("number").asText()).isEqualTo(built.creditNote().getNumber());
        assertThat(note.path("invoiceNumber").asText())
                .isEqualTo(built.discounted().getNumber());
        assertThat(note.path("totalAmount").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(note.path("appliedAmount").decimalValue()).isZero();
        assertThat(note.path("badDebtReversalAmount").decimalValue()).isZero();
        assertThat(note.path("discountReversalAmount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(note.path("deductionReversalAmount").decimalValue()).isZero();
        assertThat(note.path("customerCreditAmount").decimalValue()).isEqualByComparingTo("280.00");
        assertThat(note.path("reason").asText()).isEqualTo(AccountScenario.CREDIT_NOTE_REASON);
        assertThat(account.path("customerCredit").path("EUR").decimalValue()).isEqualByComparingTo("280.00");

        // newest first, each with what it was applied to
        JsonNode payments = account.path("payments");
        assertThat(payments).hasSize(2);
        assertThat(payments.path(0).path("amount").decimalValue()).isEqualByComparingTo(AccountScenario.PART_PAYMENT);
        assertThat(payments.path(0)
                        .path("appliedTo")
                        .path(0)
                        .path("invoiceNumber")
                        .asText())
                .isEqualTo(built.partPaid().getNumber());
        assertThat(payments.path(1).path("amount").decimalValue()).isEqualByComparingTo("980.00");
        assertThat(payments.path(1)
                        .path("appliedTo")
                        .path(0)
                        .path("invoiceNumber")
                        .asText())
                .isEqualTo(built.discounted().getNumber());
        assertThat(payments.path(1).path("appliedTo").path(0).path("amount").decimalValue())
                .isEqualByComparingTo("980.00");
        assertThat(account.path("unappliedPayments").size()).isZero();

        assertThat(account.path("disputes").path("count").asInt()).isEqualTo(1);
        assertThat(account.path("disputes").path("amount").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(account.path("disputes")
                        .path("items")
                        .path(0)
                        .path("comment")
                        .asText())
                .isEqualTo("billed <twice>");
        assertThat(account.path("limitChanges")).hasSize(1);
        assertThat(account.path("limitChanges").path(0).path("reason").asText()).isEqualTo("grew <fast>");
        assertThat(actions(account.path("auditTrail"))).contains("CREDIT_LIMIT_CHANGED");

        // the list: the same figures, overdue nothing yet (due in 30 days)
        JsonNode row = rowOf(id);
        assertThat(row.path("name").asText()).isEqualTo(built.customer().getName());
        // rescoring after the payments may have moved it from B: the list and the account agree
        assertThat(row.path("riskClass").asText())
                .isEqualTo(account.path("customer").path("riskClass").asText());
        assertThat(row.path("creditLimit").decimalValue()).isEqualByComparingTo("12000.00");
        assertThat(row.path("exposure").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(row.path("openAmount").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(row.path("overdueAmount").decimalValue()).isZero();
    }

    @Test
    void anOverdueInvoiceCountsItsDaysByTheInvoicesRuleAndIsOverdueInTheList() {
        Customer customer = scenario.customer("NET5", "50000", RiskClass.B);
        Invoice invoice = scenario.invoiceFor(customer, "1000.00");
        scenario.advance(Duration.ofDays(7));

        JsonNode item = ok("collector", "/api/customer-accounts/" + customer.getId())
                .path("openItems")
                .path(0);

        Invoice now = scenario.invoice(invoice.getId());
        long daysOverdue = now.daysOverdue(LocalDate.now(clock));
        assertThat(daysOverdue).isPositive();
        assertThat(item.path("daysOverdue").asLong()).isEqualTo(daysOverdue);
        assertThat(item.path("openAmount").decimalValue()).isEqualByComparingTo(now.getOpenAmount());
        JsonNode row = rowOf(customer.getId());
        assertThat(row.path("overdueAmount").decimalValue()).isEqualByComparingTo(now.getOpenAmount());
        assertThat(row.path("openAmount").decimalValue()).isEqualByComparingTo(now.getOpenAmount());
    }

    @Test
    void creditStaffSeeTheLatestScoreTheScoreEndpointShows() {
        AccountScenario.Account built = accounts.build("Account score");
        long id = built.customer().getId();
        assertThat(api.post("analyst", "/api/customers/" + id + "/score/recompute", null)
                        .status())
                .isEqualTo(200);
        JsonNode latest = ok("analyst", "/api/customers/" + id + "/score").path("latest");

        JsonNode score = ok("analyst", "/api/customer-accounts/" + id).path("score");

        assertThat(score.path("score").asInt()).isEqualTo(latest.path("score").asInt());
        assertThat(score.path("riskClass").asText())
                .isEqualTo(latest.path("riskClass").asText());
        assertThat(score.path("factors")).isEqualTo(latest.path("factors"));
    }

    @Test
    void otherGroupsAreRefusedAndUnknownOrMalformedIdsAreProblems() {
        AccountScenario.Account built = accounts.build("Account refused");
        String path = "/api/customer-accounts/" + built.customer().getId();
        for (String user : List.of("sales", "warehouse", "operator", "modeler")) {
            assertThat(api.get(user, path).status()).as(user).isEqualTo(403);
            assertThat(api.get(user, "/api/customer-accounts").status())
                    .as(user)
                    .isEqualTo(403);
            assertThat(api.get(user, "/api/customer-accounts/abc").status())
                    .as(user)
                    .isEqualTo(403);
        }
        for (String user : List.of("analyst", "manager", "collector", "clerk")) {
            assertThat(api.get(user, path).status()).as(user).isEqualTo(200);
        }
        assertThat(api.get(null, path).status()).isEqualTo(401);

        Api.Response unknown = api.get("clerk", "/api/customer-accounts/987654321");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        Api.Response malformed = api.get("clerk", "/api/customer-accounts/abc");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    private JsonNode rowOf(long customerId) {
        return StreamSupport.stream(ok("clerk", "/api/customer-accounts").spliterator(), false)
                .filter(r -> r.path("id").asLong() == customerId)
                .findFirst()
                .orElseThrow();
    }

    private JsonNode ok(String user, String path) {
        Api.Response response = api.get(user, path);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static List<String> actions(JsonNode trail) {
        return StreamSupport.stream(trail.spliterator(), false)
                .map(r -> r.path("action").asText())
                .toList();
    }
}
