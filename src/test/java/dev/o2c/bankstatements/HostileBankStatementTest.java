package dev.o2c.bankstatements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o2c.billing.Invoice;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.customers.PaymentTerms;
import dev.o2c.customers.RiskClass;
import dev.o2c.ledger.LedgerInvariants;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import dev.o2c.tasks.HumanTask;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Issue 12: hostile or broken bank statements. Every one is a 4xx problem+json naming the path of what is wrong,
 * stores nothing and posts nothing; never a 5xx.
 */
@IntegrationTest
class HostileBankStatementTest {

    private static final int LIMIT = 10 * 1024 * 1024;

    @Autowired
    Api api;

    @Autowired
    Scenario scenario;

    @Autowired
    CustomerService customers;

    @Autowired
    BankEntryRepository entries;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @Autowired
    Clock clock;

    @Autowired
    LedgerInvariants ledger;

    @LocalServerPort
    int port;

    @AfterEach
    void ledgerStillHolds() {
        ledger.assertHold();
    }

    // ---- entries and their transactions must agree ----

    @Test
    void aDebitTransactionInsideACreditEntryIsRefusedAndPaysNothing() {
        Customer customer = customer("EUR");
        Invoice invoice = scenario.invoiceFor(customer, "100.00");
        String amount = invoice.getOpenAmount().toPlainString();
        String xml = camt(entry(
                amount,
                "EUR",
                "CRDT",
                today(),
                tx(amount, "EUR", "DBIT", "Payer", null, null, invoice.getCreditorReference())));

        rejected(xml, "Stmt[1]/Ntry[1]/NtryDtls/TxDtls[1]/CdtDbtInd");

        assertThat(paymentsOf(customer)).isZero();
        assertThat(scenario.invoice(invoice.getId()).getOpenAmount()).isEqualByComparingTo(invoice.getOpenAmount());
    }

    @Test
    void aBatchOfEuroAndDollarPartsIsRefused() {
        rejected(
                camt(entry(
                        "100.00",
                        "EUR",
                        "CRDT",
                        today(),
                        tx("60.00", "EUR", "CRDT", "A", null, "one", null),
                        tx("40.00", "USD", "CRDT", "B", null, "two", null))),
                "Stmt[1]/Ntry[1]/NtryDtls/TxDtls[2]/Amt/@Ccy");
        rejected(
                camt(entry(
                        "100.00",
                        "EUR",
                        "CRDT",
                        today(),
                        tx("60.00", "EUR", "CRDT", "A", null, "one", null),
                        tx("30.00", "EUR", "CRDT", "B", null, "two", null))),
                "its transactions add up to 90.00, the entry says 100.00");
        rejected(
                camt(entry("100.00", "EUR", "CRDT", today(), tx("99.00", "EUR", "CRDT", "A", null, "one", null))),
                "Stmt[1]/Ntry[1]/NtryDtls/TxDtls[1]: the transaction says 99.00");
    }

    // ---- declared totals and balances ----

    @Test
    void declaredTotalsMustDescribeTheEntries() {
        String entries = entry("10.00", "EUR", "CRDT", today(), tx(null, null, null, "A", null, "x", null))
                + entry("5.00", "EUR", "DBIT", today(), tx(null, null, null, "B", null, "y", null));
        rejected(camt("", summary("3", "15.00"), entries), "Stmt[1]/TxsSummry/TtlNtries/NbOfNtries");
        rejected(camt("", summary("2", "14.00"), entries), "Stmt[1]/TxsSummry/TtlNtries/Sum");
        rejected(
                camt(
                        "",
                        "<TxsSummry><TtlCdtNtries><NbOfNtries>2</NbOfNtries><Sum>10.00</Sum></TtlCdtNtries>"
                                + "</TxsSummry>",
                        entries),
                "Stmt[1]/TxsSummry/TtlCdtNtries/NbOfNtries");
        rejected(
                camt(
                        "",
                        "<TxsSummry><TtlNtries><NbOfNtries>2</NbOfNtries><Sum>15.00</Sum><TtlNetNtry><Amt>15.00</Amt>"
                                + "<CdtDbtInd>CRDT</CdtDbtInd></TtlNetNtry></TtlNtries></TxsSummry>",
                        entries),
                "Stmt[1]/TxsSummry/TtlNtries/TtlNetNtry");

        Api.Response fine = upload(camt("", summary("2", "15.00"), entries));
        assertThat(fine.status()).isEqualTo(201);
    }

    @Test
    void openingPlusCreditsMinusDebitsMustGiveTheClosingBalance() {
        String entries = entry("10.00", "EUR", "CRDT", today(), tx(null, null, null, "A", null, "x", null))
                + entry("5.00", "EUR", "DBIT", today(), tx(null, null, null, "B", null, "y", null));
        rejected(
                camt(balance("OPBD", "100.00", "CRDT") + balance("CLBD", "110.00", "CRDT"), "", entries),
                "Stmt[1]/Bal: opening balance 100.00 EUR plus booked entries 5.00 gives 105.00, the closing balance says 110.00");
        rejected(camt(balance("OPBD", "2.00", "DBIT") + balance("CLBD", "5.00", "CRDT"), "", entries), "Stmt[1]/Bal");
        assertThat(upload(camt(balance("OPBD", "2.00", "DBIT") + balance("CLBD", "3.00", "CRDT"), "", entries))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aStatementWithoutEntriesCreatesNothingAndANotificationWithoutEntriesIsRefused() {
        Counts before = counts();
        String empty = camt(balance("OPBD", "100.00", "CRDT") + balance("CLBD", "100.00", "CRDT"), "", "");

        Api.Response response = upload(empty);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("statements").size()).isZero();
        assertThat(response.body().path("message").asText()).contains("no entries: nothing was imported");
        assertThat(counts()).isEqualTo(before);
        rejected(camt(balance("OPBD", "100.00", "CRDT") + balance("CLBD", "90.00", "CRDT"), "", ""), "Stmt[1]/Bal");

        String notification = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>
        <GrpHdr><MsgId>%s</MsgId><CreDtTm>2026-11-20T06:00:00Z</CreDtTm></GrpHdr>
        <Ntfctn><Id>N1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct></Ntfctn>
        </BkToCstmrDbtCdtNtfctn></Document>""".formatted("N-" + tag());
        rejected(notification, "Ntfctn[1]/Ntry is missing");
    }

    // ---- the same statement at once ----

    @Test
    void theSameStatementUploadedConcurrentlyIsImportedOnceAndTheOthersAreDuplicates() throws Exception {
        String xml =
                camt(entry("12.34", "EUR", "CRDT", today(), tx(null, null, null, "Twin " + tag(), null, "x", null)));
        String messageId = xml.substring(xml.indexOf("<MsgId>") + 7, xml.indexOf("</MsgId>"));
        int uploads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(uploads);
        try {
            CountDownLatch ready = new CountDownLatch(uploads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return upload(xml);
                }));
            }
            ready.await(10, TimeUnit.SECONDS);
            go.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                responses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(responses)
                    .extracting(Api.Response::status)
                    .allMatch(status -> status < 500)
                    .containsOnly(200, 201)
                    .filteredOn(status -> status == 201)
                    .hasSize(1);
            assertThat(responses.stream()
                            .filter(r -> r.status() == 200)
                            .allMatch(r -> r.body().path("duplicate").asBoolean()))
                    .isTrue();
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from bank_statement where message_id = ?", Integer.class, messageId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from bank_entry e join bank_statement s on s.id = e.statement_id"
                                + " where s.message_id = ?",
                        Integer.class,
                        messageId))
                .isEqualTo(1);
    }

    // ---- one size limit ----

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
        Counts before = counts();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/bank-statements HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                            + Base64.getEncoder().encodeToString("clerk:clerk".getBytes(StandardCharsets.UTF_8))
                            + "\r\nContent-Type: application/xml\r\nContent-Length: " + (30L * 1024 * 1024)
                            + "\r\nConnection: close\r\n\r\n<Document>")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            // only the head and ten bytes of the 30 MB were sent: the answer comes without the rest
            String answer = readAnswer(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer)
                    .contains(
                            "application/problem+json", "\"field\":\"body\"", "a statement file may be at most 10 MB");
        }
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aStreamedBodyIsReadNoFurtherThanTheLimit() throws Exception {
        byte[] body = new byte[LIMIT + 10];
        java.util.Arrays.fill(body, (byte) ' ');
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/bank-statements"))
                                .header(
                                        "Authorization",
                                        "Basic " + Base64.getEncoder().encodeToString("clerk:clerk".getBytes()))
                                .header("Content-Type", "application/xml")
                                // no length given: chunked, so only reading tells the size
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"body\"", "o2c.bank-statements.max-file-size");
    }

    @Test
    void aMultipartUploadHasTheSameLimit() throws Exception {
        Counts before = counts();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/bank-statements HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                            + Base64.getEncoder().encodeToString("clerk:clerk".getBytes(StandardCharsets.UTF_8))
                            + "\r\nContent-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: "
                            + (30L * 1024 * 1024)
                            + "\r\nConnection: close\r\n\r\n--XYZ\r\nContent-Disposition: form-data; name=\"file\"; "
                            + "filename=\"big.xml\"\r\nContent-Type: application/xml\r\n\r\n<Document>")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            String answer = readAnswer(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer)
                    .contains(
                            "application/problem+json", "\"field\":\"file\"", "a statement file may be at most 10 MB");
        }
        assertThat(counts()).isEqualTo(before);
    }

    // ---- texts and their columns ----

    @Test
    void remittanceLongerThanItsColumnIsKeptCutAndTheEntryAndTheClerkSaySo() {
        String line = "Zahlung fuer Lieferung vom Oktober, Bestellung und Rechnung folgen per Post "
                .repeat(2)
                .substring(0, 140);
        StringBuilder ustrd = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            ustrd.append("<Ustrd>").append(line).append("</Ustrd>");
        }
        int sent = 20 * 140 + 19;
        String xml = camt(entry(
                "41.20",
                "EUR",
                "CRDT",
                today(),
                "<TxDtls><RltdPties><Dbtr><Pty><Nm>Long Talker " + tag() + "</Nm></Pty></Dbtr></RltdPties><RmtInf>"
                        + ustrd + "</RmtInf></TxDtls>"));

        Api.Response response = upload(xml);

        assertThat(response.status()).isEqualTo(201);
        BankEntry entry = entries.findByStatementIdOrderByLineNo(response.body()
                        .path("statements")
                        .path(0)
                        .path("statementId")
                        .asLong())
                .getFirst();
        Api.Response view = api.get("clerk", "/api/bank-entries/" + entry.getId());
        assertThat(view.body().path("remittanceCut").asBoolean()).isTrue();
        assertThat(view.body().path("remittanceCutFrom").asInt()).isEqualTo(sent);
        assertThat(view.body().path("remittanceText").asText()).hasSize(CamtEntries.MAX_REMITTANCE);
        long process = await().atMost(Scenario.PATIENCE)
                .until(() -> entries.findById(entry.getId()).orElseThrow().getProcessInstanceKey(), key -> key != null);
        HumanTask task = scenario.awaitOpenTask(process, "Task_MatchPayment");
        assertThat(task.getVariables())
                .contains("[cut: the bank sent " + sent + " characters, the first 2000 are kept]");
        assertThat(api.get("clerk", "/api/tasks/" + task.getJobKey() + "/context")
                        .body()
                        .path("entry")
                        .path("remittanceCut")
                        .asText())
                .startsWith("yes: the bank sent " + sent);
    }

    @Test
    void everyOtherTextMustFitItsColumn() throws Exception {
        rejected(
                camt(entry("1.00", "EUR", "CRDT", today(), tx(null, null, null, "N".repeat(141), null, "x", null))),
                "Stmt[1]/Ntry[1]/NtryDtls/TxDtls[1]/RltdPties/Dbtr/Nm is 141 characters long");
        rejected(
                camt(entry(
                        "1.00", "EUR", "CRDT", today(), tx(null, null, null, "A", null, "x", "RF" + "1".repeat(34)))),
                "Stmt[1]/Ntry[1]/NtryDtls/TxDtls[1]/RmtInf/Strd/CdtrRefInf/Ref");
        rejected(
                camt(entry("1.00", "EUR", "CRDT", today(), tx(null, null, null, "A", null, "x", null)))
                        .replace("<Id>S-", "<Id>" + "S".repeat(40)),
                "Stmt[1]/Id is ");
        rejected(
                camt(entry("1.00", "EUR", "CRDT", today(), tx(null, null, null, "A", null, "x", null)))
                        .replace("<BkTxCd>", "<AcctSvcrRef>" + "R".repeat(36) + "</AcctSvcrRef><BkTxCd>"),
                "Stmt[1]/Ntry[1]/AcctSvcrRef");

        // a file name longer than its column is kept shortened, never a database error
        var response = multipart(
                camt(entry("1.00", "EUR", "CRDT", today(), tx(null, null, null, "A", null, "x", null)))
                        .getBytes(StandardCharsets.UTF_8),
                "s".repeat(320) + ".xml");
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        long statementId = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(response.getBody())
                .path("statements")
                .path(0)
                .path("statementId")
                .asLong();
        assertThat(jdbc.queryForObject("select source from bank_statement where id = ?", String.class, statementId))
                .hasSize(300)
                .startsWith("upload sss")
                .endsWith("...");
        // one the servlet container will not even take as a part header is a 400 naming the file, not a size problem
        var tooLong = multipart("<Document/>".getBytes(StandardCharsets.UTF_8), "s".repeat(600) + ".xml");
        assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
        assertThat(tooLong.getBody()).contains("\"field\":\"file\"", "file name");
    }

    @Test
    void controlCharactersAreRefused() {
        String clean = camt(entry("1.00", "EUR", "CRDT", today(), tx(null, null, null, "Nul Name", null, "x", null)));
        rejected(clean.replace("Nul Name", "Nul\u0000Name"), "");
        rejected(clean.replace("Nul Name", "Nul&#0;Name"), "");
        // XML 1.1 allows other control characters as references: still none of them in our texts
        rejected(
                clean.replace("<?xml version=\"1.0\"", "<?xml version=\"1.1\"").replace("Nul Name", "Nul&#1;Name"), "");
    }

    // ---- currencies, amounts, dates, IBANs ----

    @Test
    void onlyTradingCurrenciesAndAmountsOfTheirMinorUnit() {
        for (String code : List.of("XXX", "XAU", "XAG", "XPT", "XPD", "XTS", "XDR", "CHE", "DEM")) {
            rejected(
                    camt(entry("10.00", code, "CRDT", today(), tx(null, null, null, "A", null, "x", null))),
                    "Stmt[1]/Ntry[1]/Amt/@Ccy must be the ISO 4217 code of a currency in circulation");
        }
        rejected(
                camt(entry("1.5", "JPY", "CRDT", today(), tx(null, null, null, "A", null, "x", null))),
                "Stmt[1]/Ntry[1]/Amt 1.5 has more decimals than JPY has (0)");
        rejected(
                camt(entry("1.001", "EUR", "CRDT", today(), tx(null, null, null, "A", null, "x", null))),
                "Stmt[1]/Ntry[1]/Amt 1.001 has more decimals than EUR has (2)");
        rejected(
                camt(entry("10.00", "EUR", "CRDT", today(), tx("10.005", "EUR", "CRDT", "A", null, "x", null))),
                "Stmt[1]/Ntry[1]/NtryDtls/TxDtls[1]/Amt 10.005");
        rejected(
                camt(entry("1000000000000000.00", "EUR", "CRDT", today(), tx(null, null, null, "A", null, "x", null))),
                "Stmt[1]/Ntry[1]/Amt 1000000000000000.00 is larger than any payment we accept");
    }

    @Test
    void datesFarFromTodayAreRefused() {
        rejected(
                camt(entry("1.00", "EUR", "CRDT", today().plusYears(2), tx(null, null, null, "A", null, "x", null))),
                "Stmt[1]/Ntry[1]/BookgDt");
        rejected(
                camt(entry("1.00", "EUR", "CRDT", today().minusYears(11), tx(null, null, null, "A", null, "x", null))),
                "Stmt[1]/Ntry[1]/BookgDt");
        rejected(
                camt(entry("1.00", "EUR", "CRDT", today(), tx(null, null, null, "A", null, "x", null)))
                        .replace("<ValDt><Dt>" + today() + "</Dt>", "<ValDt><Dt>99999-01-01</Dt>"),
                "");
    }

    @Test
    void ibansWithABadCheckDigitAreRefused() {
        rejected(
                camt(entry(
                        "1.00",
                        "EUR",
                        "CRDT",
                        today(),
                        tx(null, null, null, "A", "DE89370400440532013001", "x", null))),
                "Stmt[1]/Ntry[1]/NtryDtls/TxDtls[1]/RltdPties/DbtrAcct/Id/IBAN is not a valid IBAN");
        rejected(
                camt(entry("1.00", "EUR", "CRDT", today(), tx(null, null, null, "A", null, "x", null)))
                        .replace("<IBAN>DE89370400440532013000</IBAN>", "<IBAN>DE88370400440532013000</IBAN>"),
                "Stmt[1]/Acct/Id/IBAN is not a valid IBAN");
    }

    // ---- the clerk's answer ----

    @Test
    void theClerksMatchIsRefusedBeforeTheTaskCompletesWhenItNamesTheWrongCustomerOrInvoice() {
        Customer payer = customer("EUR");
        Customer other = customer("EUR");
        Invoice othersInvoice = scenario.invoiceFor(other, "55.00");
        Customer dollars = customer("USD");
        Api.Response imported = upload(camt(entry(
                "55.00", "EUR", "CRDT", today(), tx(null, null, null, "Somebody " + tag(), null, "payment", null))));
        BankEntry entry = entries.findByStatementIdOrderByLineNo(imported.body()
                        .path("statements")
                        .path(0)
                        .path("statementId")
                        .asLong())
                .getFirst();
        long process = await().atMost(Scenario.PATIENCE)
                .until(() -> entries.findById(entry.getId()).orElseThrow().getProcessInstanceKey(), key -> key != null);
        HumanTask task = scenario.awaitOpenTask(process, "Task_MatchPayment");

        refused(
                task,
                entry,
                Map.of("matchDecision", "POST", "customerId", 999_999_999L, "matchNote", "who?"),
                "customerId",
                "there is no customer 999999999");
        refused(task, entry, Map.of("matchDecision", "POST", "customerId", 0, "matchNote", "zero"), "customerId", "");
        refused(
                task,
                entry,
                Map.of("matchDecision", "POST", "customerId", -5, "matchNote", "negative"),
                "customerId",
                "");
        refused(
                task,
                entry,
                Map.of(
                        "matchDecision",
                        "POST",
                        "customerId",
                        payer.getId(),
                        "invoiceNumbers",
                        othersInvoice.getNumber(),
                        "matchNote",
                        "theirs"),
                "invoiceNumbers",
                "is not customer " + payer.getId());
        refused(
                task,
                entry,
                Map.of("matchDecision", "POST", "customerId", dollars.getId(), "matchNote", "dollars"),
                "customerId",
                "is billed in USD; this payment is in EUR");

        assertThat(paymentsOf(payer) + paymentsOf(other) + paymentsOf(dollars)).isZero();
        assertThat(scenario.invoice(othersInvoice.getId()).getOpenAmount())
                .isEqualByComparingTo(othersInvoice.getOpenAmount());
    }

    private void refused(HumanTask task, BankEntry entry, Map<String, Object> answers, String field, String message) {
        Api.Response response =
                api.post("clerk", "/api/tasks/" + task.getJobKey() + "/complete", Map.of("variables", answers));
        assertThat(response.status()).as(answers.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.field()).isEqualTo(field);
        assertThat(response.body().path("detail").asText()).contains(message);
        assertThat(jdbc.queryForObject(
                        "select status from human_task where job_key = ?", String.class, task.getJobKey()))
                .isEqualTo("OPEN");
        BankEntry now = entries.findById(entry.getId()).orElseThrow();
        assertThat(now.getStatus()).isEqualTo(BankEntryStatus.NEEDS_CLERK);
        assertThat(now.getPaymentId()).isNull();
    }

    // ---- helpers ----

    private record Counts(int statements, int entries) {}

    private Counts counts() {
        return new Counts(
                jdbc.queryForObject("select count(*) from bank_statement", Integer.class),
                jdbc.queryForObject("select count(*) from bank_entry", Integer.class));
    }

    private int paymentsOf(Customer customer) {
        return jdbc.queryForObject(
                "select count(*) from payment where customer_id = ?", Integer.class, customer.getId());
    }

    /** 400 problem+json naming the body and the path of what is wrong; nothing stored. */
    private void rejected(String xml, String detail) {
        Counts before = counts();
        Api.Response response = upload(xml);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.field()).isEqualTo("body");
        assertThat(response.body().path("detail").asText()).isNotBlank().contains(detail);
        assertThat(counts()).isEqualTo(before);
    }

    private Api.Response upload(String xml) {
        return api.post("clerk", "/api/bank-statements", xml, Map.of(HttpHeaders.CONTENT_TYPE, "application/xml"));
    }

    private org.springframework.http.ResponseEntity<String> multipart(byte[] content, String name) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return http.withBasicAuth("clerk", "clerk")
                .postForEntity("/api/bank-statements", new HttpEntity<>(form, headers), String.class);
    }

    private static String readAnswer(InputStream in) throws java.io.IOException {
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) > 0) {
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                if (answer.indexOf("}") > 0 && answer.indexOf("\r\n\r\n") > 0) {
                    break;
                }
            }
        } catch (java.net.SocketException e) {
            // the server may close the connection after answering, without reading the rest
        }
        return answer.toString();
    }

    private static String camt(String entries) {
        return camt("", "", entries);
    }

    private static String camt(String balances, String summary, String entries) {
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
        <GrpHdr><MsgId>M-%s</MsgId><CreDtTm>2026-11-20T06:00:00Z</CreDtTm></GrpHdr>
        <Stmt><Id>S-%s</Id><CreDtTm>2026-11-20T06:00:00Z</CreDtTm>
        <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>%s%s%s</Stmt>
        </BkToCstmrStmt></Document>
        """.formatted(tag(), tag(), balances, summary, entries);
    }

    private static String summary(String count, String sum) {
        return "<TxsSummry><TtlNtries><NbOfNtries>" + count + "</NbOfNtries><Sum>" + sum
                + "</Sum></TtlNtries></TxsSummry>";
    }

    private static String balance(String type, String amount, String creditDebit) {
        return "<Bal><Tp><CdOrPrtry><Cd>" + type + "</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">" + amount
                + "</Amt><CdtDbtInd>" + creditDebit + "</CdtDbtInd><Dt><Dt>2026-11-20</Dt></Dt></Bal>";
    }

    private static String entry(
            String amount, String currency, String creditDebit, LocalDate date, String... transactions) {
        return "<Ntry><Amt Ccy=\"" + currency + "\">" + amount + "</Amt><CdtDbtInd>" + creditDebit + "</CdtDbtInd>"
                + "<Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>" + date + "</Dt></BookgDt><ValDt><Dt>" + date + "</Dt></ValDt>"
                + "<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>"
                + "<NtryDtls>" + String.join("", transactions) + "</NtryDtls></Ntry>";
    }

    private static String tx(
            String amount,
            String currency,
            String creditDebit,
            String debtor,
            String iban,
            String text,
            String reference) {
        StringBuilder tx = new StringBuilder("<TxDtls>");
        if (amount != null) {
            tx.append("<Amt Ccy=\"")
                    .append(currency)
                    .append("\">")
                    .append(amount)
                    .append("</Amt>");
        }
        if (creditDebit != null) {
            tx.append("<CdtDbtInd>").append(creditDebit).append("</CdtDbtInd>");
        }
        tx.append("<RltdPties><Dbtr><Pty><Nm>").append(debtor).append("</Nm></Pty></Dbtr>");
        if (iban != null) {
            tx.append("<DbtrAcct><Id><IBAN>").append(iban).append("</IBAN></Id></DbtrAcct>");
        }
        tx.append("</RltdPties><RmtInf>");
        if (text != null) {
            tx.append("<Ustrd>").append(text).append("</Ustrd>");
        }
        if (reference != null) {
            tx.append("<Strd><CdtrRefInf><Ref>").append(reference).append("</Ref></CdtrRefInf></Strd>");
        }
        return tx.append("</RmtInf></TxDtls>").toString();
    }

    private Customer customer(String currency) {
        return customers.create(
                new CustomerService.NewCustomer(
                        "Hostile " + tag(),
                        tag() + "@customer.example",
                        currency,
                        PaymentTerms.parse("NET30"),
                        new BigDecimal("100000"),
                        RiskClass.A,
                        BigDecimal.ZERO,
                        null),
                "test");
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
