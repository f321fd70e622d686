package dev.o2c.bankstatements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceStatus;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.PaymentTerms;
import dev.o2c.customers.RiskClass;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.payments.PaymentService;
import dev.o2c.support.Api;
import dev.o2c.support.EngineRecords;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import dev.o2c.tasks.HumanTask;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

@IntegrationTest
class BankStatementImportTest {

    @Autowired
    Api api;

    @Autowired
    Scenario scenario;

    @Autowired
    EngineRecords engine;

    @Autowired
    CustomerService customers;

    @Autowired
    BankEntryRepository entries;

    @Autowired
    PaymentService payments;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @Autowired
    Clock clock;

    @Autowired
    LedgerInvariants ledger;

    @Autowired
    PaymentPostingStarter starter;

    @Autowired
    StatementScenario statements;

    @AfterEach
    void ledgerStillHolds() {
        ledger.assertHold();
    }

    @Test
    void aCreditWithTheInvoicesReferenceIsPostedAutomaticallyAndEndsDunning() {
        Customer customer = customer("DE44500105175407324931");
        Invoice invoice = scenario.invoiceFor(customer, "400.00");
        CamtWriter statement = statement()
                .credit(
                        invoice.getOpenAmount().toPlainString(),
                        today(),
                        "Whoever",
                        "DE44500105175407324931",
                        invoice.getCreditorReference(),
                        null);

        Api.Response response = upload("clerk", statement);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body().path("duplicate").asBoolean()).isFalse();
        var summary = response.body().path("statements").path(0);
        assertThat(summary.path("entries").asInt()).isEqualTo(1);
        assertThat(summary.path("matchedAutomatically").asInt()).isEqualTo(1);
        assertThat(summary.path("awaitingClerk").asInt()).isZero();
        assertThat(summary.path("totals").path("EUR").path("credited").decimalValue())
                .isEqualByComparingTo(invoice.getOpenAmount());

        BankEntry entry = awaitEntry(summary.path("statementId").asLong(), BankEntryStatus.POSTED);
        assertThat(scenario.invoice(invoice.getId()).getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(payments.get(entry.getPaymentId()).getIdempotencyKey()).isEqualTo("bank-entry-" + entry.getId());
        long orderProcess = jdbc.queryForObject(
                "select process_instance_key from sales_order where id = ?", Long.class, invoice.getOrderId());
        engine.awaitCompleted(orderProcess, "EndEvent_InvoicePaid");
        engine.awaitCompleted(orderProcess, "EndEvent_OrderCompleted");
        assertThat(entry.getProcessInstanceKey())
                .as("a sure credit is posted straight through, without a payment-posting process")
                .isNull();
        assertThat(auditActions(entry)).contains("BANK_ENTRY_POSTED");
    }

    @Test
    void withStraightThroughOffASureCreditRunsThePaymentPostingProcessItsTrustedPathPostsIt() {
        starter.straightThrough(false);
        try {
            Customer customer = customer(null);
            Invoice invoice = scenario.invoiceFor(customer, "410.00");
            long statementId = upload(
                            "clerk",
                            statement()
                                    .credit(
                                            invoice.getOpenAmount().toPlainString(),
                                            today(),
                                            "Whoever",
                                            null,
                                            invoice.getCreditorReference(),
                                            null))
                    .body()
                    .path("statements")
                    .path(0)
                    .path("statementId")
                    .asLong();

            BankEntry entry = awaitEntry(statementId, BankEntryStatus.POSTED);
            assertThat(entry.getProcessInstanceKey()).isNotNull();
            engine.awaitCompleted(entry.getProcessInstanceKey(), "EndEvent_PaymentPosted");
            assertThat(scenario.invoice(invoice.getId()).getStatus()).isEqualTo(InvoiceStatus.PAID);
        } finally {
            starter.straightThrough(true);
        }
    }

    @Test
    void theSameStatementTwicePostsNothingTheSecondTime() {
        Customer customer = customer(null);
        Invoice invoice = scenario.invoiceFor(customer, "120.00");
        CamtWriter statement = statement()
                .credit(
                        invoice.getOpenAmount().toPlainString(),
                        today(),
                        customer.getName(),
                        null,
                        invoice.getCreditorReference(),
                        null);
        long statementId = upload("clerk", statement)
                .body()
                .path("statements")
                .path(0)
                .path("statementId")
                .asLong();
        awaitEntry(statementId, BankEntryStatus.POSTED);

        Api.Response again = upload("clerk", statement);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("duplicate").asBoolean()).isTrue();
        assertThat(again.body().path("message").asText()).contains("already imported");
        assertThat(again.body().path("statements").path(0).path("statementId").asLong())
                .isEqualTo(statementId);
        assertThat(payments.allocationsTo(invoice.getId())).hasSize(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from bank_entry where statement_id = ?", Integer.class, statementId))
                .isEqualTo(1);
    }

    @Test
    void aBadFileIsRejectedWholeAndNothingIsStored() {
        Customer customer = customer(null);
        Invoice invoice = scenario.invoiceFor(customer, "80.00");
        CamtWriter statement = statement()
                .credit("80.00", today(), "Good Payer", null, invoice.getCreditorReference(), null)
                .credit("5.00", today(), "Other", null, null, "x");
        String broken = statement.xml().replace("<Amt Ccy=\"EUR\">5.00</Amt>", "<Amt Ccy=\"EUR\">five</Amt>");

        Api.Response response = uploadXml("clerk", broken);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.field()).isEqualTo("body");
        assertThat(response.body().path("detail").asText()).contains("does not follow the schema");
        assertThat(jdbc.queryForObject(
                        "select count(*) from bank_statement where message_id = ?", Integer.class, messageIdOf(broken)))
                .isZero();
        assertThat(scenario.invoice(invoice.getId()).getOpenAmount()).isEqualByComparingTo("80.00");
    }

    @Test
    void anUnknownPayerGoesToAClerkWhoseChoiceIsPostedAndRemembered() {
        Customer customer = customer(null);
        Invoice first = scenario.invoiceFor(customer, "210.00");
        Invoice second = scenario.invoiceFor(customer, "330.00");
        Invoice third = scenario.invoiceFor(customer, "470.00");
        String payerIban = "FR7630006000011234567890189";
        long statementId = upload(
                        "clerk",
                        statement()
                                .credit(
                                        first.getOpenAmount().toPlainString(),
                                        today(),
                                        "Mme Dupont (gérante)",
                                        payerIban,
                                        null,
                                        "virement"))
                .body()
                .path("statements")
                .path(0)
                .path("statementId")
                .asLong();
        BankEntry entry = awaitEntry(statementId, BankEntryStatus.NEEDS_CLERK);
        HumanTask task = scenario.awaitOpenTask(awaitProcess(entry), "Task_MatchPayment");
        assertThat(task.candidateGroups()).contains("ar-clerks");
        engine.assertDueAfterCreation(task, Duration.ofDays(1)); // cash applied by the next day (the model's P1D)

        Api.Response foreign = complete(
                task,
                Map.of(
                        "matchDecision",
                        "POST",
                        "customerId",
                        customer.getId(),
                        "invoiceNumbers",
                        "INV-1999-000001",
                        "matchNote",
                        "phoned the customer"));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.field()).isEqualTo("invoiceNumbers");
        assertThat(entries.findById(entry.getId()).orElseThrow().getStatus()).isEqualTo(BankEntryStatus.NEEDS_CLERK);

        Api.Response done = complete(
                task,
                Map.of(
                        "matchDecision",
                        "POST",
                        "customerId",
                        customer.getId(),
                        "invoiceNumbers",
                        first.getNumber(),
                        "matchNote",
                        "the managing director pays privately"));
        assertThat(done.status()).isEqualTo(200);
        BankEntry posted = awaitEntry(statementId, BankEntryStatus.POSTED);
        assertThat(posted.getDecidedBy()).isEqualTo("clerk");
        assertThat(scenario.invoice(first.getId()).getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(auditActions(posted)).contains("BANK_ENTRY_MATCHED_BY_CLERK", "BANK_ENTRY_POSTED");

        long nextStatement = upload(
                        "clerk",
                        statement()
                                .credit(
                                        second.getOpenAmount().toPlainString(),
                                        today(),
                                        "Mme Dupont",
                                        payerIban,
                                        null,
                                        "virement"))
                .body()
                .path("statements")
                .path(0)
                .path("statementId")
                .asLong();
        BankEntry learned = awaitEntry(nextStatement, BankEntryStatus.POSTED);
        assertThat(learned.getDecidedBy())
                .as("posted without a clerk this time")
                .isNull();
        assertThat(scenario.invoice(second.getId()).getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(learned.getProposal()).contains("learned from a clerk for customer " + customer.getId());

        // What was learned is visible to clerks (with who, when and from which entry) and removable, audited.
        assertThat(api.get("sales", "/api/cash-application/learned").status()).isEqualTo(403);
        Api.Response list = api.get("clerk", "/api/cash-application/learned");
        assertThat(list.status()).isEqualTo(200);
        java.util.List<com.fasterxml.jackson.databind.JsonNode> mine = new java.util.ArrayList<>();
        list.body().forEach(node -> {
            if (node.path("customerId").asLong() == customer.getId()) {
                mine.add(node);
            }
        });
        assertThat(mine)
                .extracting(node ->
                        node.path("kind").asText() + " " + node.path("payerKey").asText())
                .containsExactlyInAnyOrder("IBAN " + payerIban, "NAME MME DUPONT GERANTE");
        assertThat(mine).allSatisfy(node -> {
            assertThat(node.path("learnedBy").asText()).isEqualTo("clerk");
            assertThat(node.path("learnedFromEntry").asLong()).isEqualTo(entry.getId());
            assertThat(node.path("learnedAt").asText()).isNotBlank();
        });
        assertThat(api.exchange(
                                "sales",
                                HttpMethod.DELETE,
                                "/api/cash-application/learned/"
                                        + mine.get(0).path("id").asLong(),
                                null,
                                Map.of())
                        .status())
                .isEqualTo(403);
        for (var node : mine) {
            long id = node.path("id").asLong();
            assertThat(api.exchange("clerk", HttpMethod.DELETE, "/api/cash-application/learned/" + id, null, Map.of())
                            .status())
                    .isEqualTo(200);
            assertThat(api.exchange("clerk", HttpMethod.DELETE, "/api/cash-application/learned/" + id, null, Map.of())
                            .status())
                    .as("gone")
                    .isEqualTo(404);
        }
        assertThat(auditActionsOf("customer", customer.getId())).contains("PAYER_LEARNED", "PAYER_FORGOTTEN");

        long afterForgetting = upload(
                        "clerk",
                        statement()
                                .credit(
                                        third.getOpenAmount().toPlainString(),
                                        today(),
                                        "Mme Dupont",
                                        payerIban,
                                        null,
                                        "virement"))
                .body()
                .path("statements")
                .path(0)
                .path("statementId")
                .asLong();
        BankEntry forgotten = awaitEntry(afterForgetting, BankEntryStatus.NEEDS_CLERK);
        assertThat(forgotten.getCustomerId())
                .as("the payer is a stranger again")
                .isNull();
    }

    @Test
    void aClerkCanSetAsideWhatIsNoCustomerPayment() {
        long statementId = upload(
                        "clerk",
                        statement().credit("17.30", today(), "Tax Office Refund", null, null, "Erstattung 2025"))
                .body()
                .path("statements")
                .path(0)
                .path("statementId")
                .asLong();
        BankEntry entry = awaitEntry(statementId, BankEntryStatus.NEEDS_CLERK);
        long process = awaitProcess(entry);
        HumanTask task = scenario.awaitOpenTask(process, "Task_MatchPayment");

        assertThat(complete(task, Map.of("matchDecision", "SET_ASIDE", "matchNote", "tax refund, treasury books it"))
                        .status())
                .isEqualTo(200);

        awaitEntry(statementId, BankEntryStatus.SET_ASIDE);
        engine.awaitCompleted(process, "EndEvent_SetAside");
    }

    @Test
    void aSecondCreditForAnInvoiceAlreadySettledGoesToAClerkInsteadOfPostingTwice() {
        Customer customer = customer(null);
        Invoice invoice = scenario.invoiceFor(customer, "150.00");
        String amount = invoice.getOpenAmount().toPlainString();
        long statementId = upload(
                        "clerk",
                        statement()
                                .credit(amount, today(), "Payer", null, invoice.getCreditorReference(), null)
                                .credit(
                                        amount,
                                        today(),
                                        "Payer",
                                        null,
                                        invoice.getCreditorReference(),
                                        "paid twice by mistake"))
                .body()
                .path("statements")
                .path(0)
                .path("statementId")
                .asLong();

        await().atMost(Scenario.PATIENCE)
                .until(
                        () -> entries.findByStatementIdOrderByLineNo(statementId).stream()
                                .map(BankEntry::getStatus)
                                .sorted()
                                .toList(),
                        statuses -> statuses.equals(
                                java.util.List.of(BankEntryStatus.NEEDS_CLERK, BankEntryStatus.POSTED)));
        assertThat(payments.allocationsTo(invoice.getId())).hasSize(1);
        long outdated = entries.findByStatementIdOrderByLineNo(statementId).stream()
                .filter(entry -> entry.getStatus() == BankEntryStatus.NEEDS_CLERK)
                .findFirst()
                .orElseThrow()
                .getId();
        // the stale proposal was tried straight through first; only then does its process start, for a clerk
        Long process = await().atMost(Scenario.PATIENCE)
                .until(() -> entries.findById(outdated).orElseThrow().getProcessInstanceKey(), key -> key != null);
        scenario.awaitOpenTask(process, "Task_MatchPayment");
    }

    @Test
    void aStaleProposalInTheMiddleOfALanesBatchGoesToAClerkAndTheRestOfTheBatchIsPosted() throws Exception {
        Customer customer = customer(null);
        Invoice first = scenario.invoiceFor(customer, "160.00");
        Invoice second = scenario.invoiceFor(customer, "170.00");
        CountDownLatch release = new CountDownLatch(1);
        starter.holdLanesUntil(release); // the three credits of one customer wait in its lane and post as one batch
        long statementId;
        try {
            statementId = upload(
                            "clerk",
                            statement()
                                    .credit(amountOf(first), today(), "Payer", null, first.getCreditorReference(), null)
                                    .credit(
                                            amountOf(first),
                                            today(),
                                            "Payer",
                                            null,
                                            first.getCreditorReference(),
                                            "again")
                                    .credit(
                                            amountOf(second),
                                            today(),
                                            "Payer",
                                            null,
                                            second.getCreditorReference(),
                                            null))
                    .body()
                    .path("statements")
                    .path(0)
                    .path("statementId")
                    .asLong();
        } finally {
            release.countDown();
        }

        java.util.List<BankEntry> lines = await().atMost(Scenario.PATIENCE)
                .until(() -> entries.findByStatementIdOrderByLineNo(statementId), all -> all.stream()
                        .noneMatch(entry -> entry.getStatus() == BankEntryStatus.MATCHED));
        assertThat(lines)
                .extracting(BankEntry::getStatus)
                .containsExactly(BankEntryStatus.POSTED, BankEntryStatus.NEEDS_CLERK, BankEntryStatus.POSTED);
        assertThat(scenario.invoice(first.getId()).getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(scenario.invoice(second.getId()).getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(payments.allocationsTo(first.getId())).hasSize(1);
        assertThat(auditActions(lines.get(1))).contains("BANK_ENTRY_OUTDATED");
        long process = awaitProcess(lines.get(1));
        scenario.awaitOpenTask(process, "Task_MatchPayment");
    }

    @Test
    void aBatchThatFailsAsAWholeIsPostedEntryByEntryAndTheFailingOneWaitsForTheSweep() throws Exception {
        Customer failing = customer(null);
        Customer sameLane = customer(null);
        while (Math.floorMod(sameLane.getId(), 4) != Math.floorMod(failing.getId(), 4)) {
            sameLane = customer(null); // lanes go by customer: two customers of one lane share a batch
        }
        Invoice failingInvoice = scenario.invoiceFor(failing, "180.00");
        Invoice otherInvoice = scenario.invoiceFor(sameLane, "190.00");
        CountDownLatch release = new CountDownLatch(1);
        starter.holdLanesUntil(release);
        long statementId;
        try {
            statementId = upload(
                            "clerk",
                            statement()
                                    .credit(
                                            amountOf(failingInvoice),
                                            today(),
                                            "A",
                                            null,
                                            failingInvoice.getCreditorReference(),
                                            null)
                                    .credit(
                                            amountOf(otherInvoice),
                                            today(),
                                            "B",
                                            null,
                                            otherInvoice.getCreditorReference(),
                                            null))
                    .body()
                    .path("statements")
                    .path(0)
                    .path("statementId")
                    .asLong();
            // after matching, the first customer is billed in another currency: posting its credit fails, and with it
            // the batch's transaction
            jdbc.update("update customer set currency = 'USD' where id = ?", failing.getId());
        } finally {
            release.countDown();
        }
        try {
            await().atMost(Scenario.PATIENCE)
                    .until(() -> scenario.invoice(otherInvoice.getId()).getStatus() == InvoiceStatus.PAID);
            starter.drain();
            java.util.List<BankEntry> lines = entries.findByStatementIdOrderByLineNo(statementId);
            assertThat(lines)
                    .extracting(BankEntry::getStatus)
                    .containsExactly(BankEntryStatus.MATCHED, BankEntryStatus.POSTED);
            assertThat(payments.allocationsTo(failingInvoice.getId())).isEmpty();
        } finally {
            jdbc.update("update customer set currency = 'EUR' where id = ?", failing.getId());
        }
        // the sweep takes the claimed entry up again once its claim is old enough
        starter.sweep(java.time.Duration.ZERO);
        assertThat(entries.findByStatementIdOrderByLineNo(statementId).get(0).getStatus())
                .isEqualTo(BankEntryStatus.POSTED);
        assertThat(scenario.invoice(failingInvoice.getId()).getStatus()).isEqualTo(InvoiceStatus.PAID);
    }

    private static String amountOf(Invoice invoice) {
        return invoice.getOpenAmount().toPlainString();
    }

    @Test
    void anEarlyPaymentDiscountAndAShortPaymentSettleTheirInvoices() {
        Customer customer = customers.create(
                new CustomerService.NewCustomer(
                        "Skonto " + tag(),
                        tag() + "@x.example",
                        "EUR",
                        PaymentTerms.parse("2/10 NET30"),
                        new BigDecimal("100000"),
                        RiskClass.A,
                        BigDecimal.ZERO,
                        null),
                "test");
        Invoice discounted = scenario.invoiceFor(customer, "1000.00");
        Invoice shortPaid = scenario.invoiceFor(customer, "500.00");
        long statementId = upload(
                        "clerk",
                        statement()
                                .credit("980.00", today(), null, null, discounted.getCreditorReference(), null)
                                .credit(
                                        "497.50",
                                        today(),
                                        null,
                                        null,
                                        shortPaid.getCreditorReference(),
                                        "less bank charges"))
                .body()
                .path("statements")
                .path(0)
                .path("statementId")
                .asLong();

        await().atMost(Scenario.PATIENCE).until(() -> entries.findByStatementIdOrderByLineNo(statementId).stream()
                .allMatch(entry -> entry.getStatus() == BankEntryStatus.POSTED));
        assertThat(scenario.invoice(discounted.getId()).getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(scenario.invoice(shortPaid.getId()).getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(auditActionsOf("invoice", discounted.getId())).contains("INVOICE_DISCOUNT");
        assertThat(auditActionsOf("invoice", shortPaid.getId())).contains("INVOICE_DEDUCTION");
    }

    @Test
    void aMultipartUploadWorksTooAndOnlyClerksMayImport() {
        CamtWriter statement = statement().credit("1.00", today(), "Nobody", null, null, "test");

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource(statement.bytes()) {
            @Override
            public String getFilename() {
                return "statement.xml";
            }
        });
        var response = http.withBasicAuth("clerk", "clerk")
                .postForEntity("/api/bank-statements", new HttpEntity<>(form, headers), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(201);

        assertThat(upload("sales", statement()).status()).isEqualTo(403);
        assertThat(upload("collector", statement()).status()).isEqualTo(403);
    }

    private Api.Response complete(HumanTask task, Map<String, Object> variables) {
        return statements.complete(task, variables);
    }

    private BankEntry awaitEntry(long statementId, BankEntryStatus status) {
        return statements.awaitEntry(statementId, status);
    }

    private long awaitProcess(BankEntry entry) {
        return statements.awaitProcess(entry);
    }

    private java.util.List<String> auditActions(BankEntry entry) {
        return auditActionsOf("bank-entry", entry.getId());
    }

    private java.util.List<String> auditActionsOf(String type, long id) {
        return jdbc.queryForList(
                "select action from audit_record where entity_type = ? and entity_id = ?",
                String.class,
                type,
                String.valueOf(id));
    }

    private Api.Response upload(String user, CamtWriter statement) {
        return statements.upload(user, statement);
    }

    private Api.Response uploadXml(String user, String xml) {
        return statements.uploadXml(user, xml);
    }

    private Customer customer(String iban) {
        return customers.create(
                new CustomerService.NewCustomer(
                        "Bank Test " + tag(),
                        tag() + "@customer.example",
                        "EUR",
                        PaymentTerms.parse("NET30"),
                        new BigDecimal("100000"),
                        RiskClass.A,
                        BigDecimal.ZERO,
                        iban),
                "test");
    }

    private static CamtWriter statement() {
        return StatementScenario.statement();
    }

    private static String messageIdOf(String xml) {
        return xml.substring(xml.indexOf("<MsgId>") + 7, xml.indexOf("</MsgId>"));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String tag() {
        return StatementScenario.tag();
    }
}
