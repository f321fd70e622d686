package dev.o2c.bankstatements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CamtReaderTest {

    private final CamtReader reader = new CamtReader();

    @Test
    void readsCamt053Version02WithStructuredReferenceDebitAndSeveralInvoiceNumbers() {
        ParsedStatement statement = single("camt053-v02.xml");

        assertThat(statement.messageType()).isEqualTo("camt.053.001.02");
        assertThat(statement.messageId()).isEqualTo("STMT-20261120-0001");
        assertThat(statement.statementId()).isEqualTo("2026-11-20-DE89370400440532013000");
        assertThat(statement.accountIban()).isEqualTo("DE89370400440532013000");
        assertThat(statement.transactions()).hasSize(3);

        BankTransaction acme = statement.transactions().get(0);
        assertThat(acme.amount()).isEqualByComparingTo("1190.00");
        assertThat(acme.currency()).isEqualTo("EUR");
        assertThat(acme.credit()).isTrue();
        assertThat(acme.booked()).isTrue();
        assertThat(acme.valueDate()).isEqualTo(LocalDate.of(2026, 11, 19));
        assertThat(acme.debtorName()).isEqualTo("ACME Maschinenbau GmbH");
        assertThat(acme.debtorIban()).isEqualTo("DE02120300000000202051");
        assertThat(acme.creditorReference()).isEqualTo("RF18539007547034");
        assertThat(acme.bankReference()).isEqualTo("2026111900012345");
        assertThat(acme.endToEndId()).isEqualTo("E2E-ACME-4711");

        BankTransaction rent = statement.transactions().get(1);
        assertThat(rent.credit()).isFalse();
        assertThat(rent.remittanceText()).isEqualTo("Rent November");

        BankTransaction berger = statement.transactions().get(2);
        assertThat(berger.debtorName()).isEqualTo("Berger & Soehne KG");
        assertThat(berger.valueDate()).isEqualTo(LocalDate.of(2026, 11, 18));
        assertThat(berger.remittanceText()).isEqualTo("Rechnung INV-2026-000077 und INV 2026 78");
    }

    @Test
    void readsCamt053Version08SplittingABatchedEntryIntoItsTransactions() {
        ParsedStatement statement = single("camt053-v08.xml");

        assertThat(statement.messageType()).isEqualTo("camt.053.001.08");
        assertThat(statement.messageId()).isEqualTo("CAMT053-RB-20261121-77");
        assertThat(statement.statementId()).isEqualTo("STMT-RB-77-20261120");
        assertThat(statement.transactions())
                .extracting(BankTransaction::amount)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1800.00"), new BigDecimal("1200.00"), new BigDecimal("460.00"));

        BankTransaction first = statement.transactions().get(0);
        assertThat(first.bankReference()).isEqualTo("RB-20261120-000881/1");
        assertThat(first.debtorName()).isEqualTo("Nordwind Logistics Ltd");
        assertThat(first.debtorIban()).isEqualTo("GB29NWBK60161331926819");
        assertThat(first.creditorReference()).isEqualTo("RF71INV2026000101");
        assertThat(first.remittanceText()).isEqualTo("INV-2026-000101");
        assertThat(statement.transactions().get(1).remittanceText()).isEqualTo("INV2026000102");

        BankTransaction pending = statement.transactions().get(2);
        assertThat(pending.booked()).as("PDNG is not booked money").isFalse();
        assertThat(pending.debtorIban()).isNull();
    }

    @Test
    void readsCamt054NotificationsInBothVersions() {
        ParsedStatement v02 = single("camt054-v02.xml");
        assertThat(v02.messageType()).isEqualTo("camt.054.001.02");
        assertThat(v02.statementId()).isEqualTo("NTF-20261120-1451-1");
        assertThat(v02.transactions()).singleElement().satisfies(transaction -> {
            assertThat(transaction.amount()).isEqualByComparingTo("2450.50");
            assertThat(transaction.currency()).isEqualTo("CHF");
            assertThat(transaction.debtorName()).isEqualTo("Helvetia Feinmechanik AG");
            assertThat(transaction.remittanceText()).isEqualTo("Invoice INV-2026-000330, thank you");
        });

        ParsedStatement v08 = single("camt054-v08.xml");
        assertThat(v08.messageType()).isEqualTo("camt.054.001.08");
        assertThat(v08.transactions()).singleElement().satisfies(transaction -> {
            assertThat(transaction.bookingDate())
                    .as("a date-time booking date counts by its date")
                    .isEqualTo(LocalDate.of(2026, 11, 21));
            assertThat(transaction.creditorReference()).isEqualTo("RF18 5390 0754 7034");
            assertThat(transaction.debtorIban()).isEqualTo("FR1420041010050500013M02606");
        });
    }

    @Test
    void rejectsWhatIsNotWellFormedXml() {
        assertThatThrownBy(() -> reader.read("<Document><BkToCstmrStmt>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(StatementRejected.class)
                .hasMessageContaining("not well-formed XML");
    }

    @Test
    void rejectsOtherMessagesAndDocumentsWithoutNamespace() {
        assertThatThrownBy(() ->
                        reader.read(bytes("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"/>")))
                .isInstanceOf(StatementRejected.class)
                .hasMessageContaining("unsupported message pain.001.001.09");
        assertThatThrownBy(() -> reader.read(bytes("<Document/>")))
                .isInstanceOf(StatementRejected.class)
                .hasMessageContaining("no ISO 20022 namespace");
        assertThatThrownBy(() -> reader.read(new byte[0]))
                .isInstanceOf(StatementRejected.class)
                .hasMessage("the file is empty");
    }

    @Test
    void rejectsElementsTheSchemaDoesNotAllowNamingTheLine() {
        String xml = sample("camt053-v02.xml").replace("<NtryRef>2</NtryRef>", "<NtryRef>2</NtryRef><Bonus>1</Bonus>");

        assertThatThrownBy(() -> reader.read(bytes(xml)))
                .isInstanceOf(StatementRejected.class)
                .hasMessageContaining("does not follow the schema")
                .hasMessageContaining("Bonus")
                .hasMessageContaining("line ");
    }

    @Test
    void rejectsValuesOfTheWrongType() {
        String xml =
                sample("camt053-v08.xml").replace("<Amt Ccy=\"EUR\">460.00</Amt>", "<Amt Ccy=\"EUR\">460,00</Amt>");

        assertThatThrownBy(() -> reader.read(bytes(xml)))
                .isInstanceOf(StatementRejected.class)
                .hasMessageContaining("does not follow the schema")
                .hasMessageContaining("line 67")
                .hasMessageContaining("decimal");
    }

    @Test
    void rejectsMissingMandatoryFieldsByTheirPath() {
        String withoutMessageId = sample("camt054-v02.xml").replace("<MsgId>NTF-20261120-1451</MsgId>", "");
        assertThatThrownBy(() -> reader.read(bytes(withoutMessageId)))
                .isInstanceOf(StatementRejected.class)
                .hasMessage("GrpHdr/MsgId is missing");

        String withoutIndicator = sample("camt053-v02.xml").replaceFirst("<CdtDbtInd>DBIT</CdtDbtInd>", "");
        assertThatThrownBy(() -> reader.read(bytes(withoutIndicator)))
                .isInstanceOf(StatementRejected.class)
                .hasMessage("Stmt[1]/Ntry[2]/CdtDbtInd is missing");
    }

    @Test
    void rejectsValuesLongerThanTheSchemaAllowsByTheirPath() {
        String longReference =
                sample("camt053-v02.xml").replace("<Ref>RF18539007547034</Ref>", "<Ref>" + "X".repeat(36) + "</Ref>");
        assertThatThrownBy(() -> reader.read(bytes(longReference)))
                .isInstanceOf(StatementRejected.class)
                .hasMessage("Stmt[1]/Ntry[1]/NtryDtls/TxDtls[1]/RmtInf/Strd/CdtrRefInf/Ref is 36 characters long; "
                        + "the schema allows 35");

        String badIban = sample("camt054-v08.xml").replace("FR1420041010050500013M02606", "not an iban");
        assertThatThrownBy(() -> reader.read(bytes(badIban)))
                .isInstanceOf(StatementRejected.class)
                .hasMessageContaining("IBAN is not a valid IBAN");
    }

    @Test
    void rejectsABatchWhoseTransactionsDoNotAddUpToTheEntry() {
        String xml =
                sample("camt053-v08.xml").replace("<Amt Ccy=\"EUR\">1200.00</Amt>", "<Amt Ccy=\"EUR\">1100.00</Amt>");

        assertThatThrownBy(() -> reader.read(bytes(xml)))
                .isInstanceOf(StatementRejected.class)
                .hasMessage("Stmt[1]/Ntry[1]: its transactions add up to 2900.00, the entry says 3000.00");
    }

    @Test
    void version02BalancesTotalsAndTransactionCurrenciesAreCheckedToo() {
        String v02 = sample("camt053-v02.xml");
        assertThat(reader.read(bytes(v02))).hasSize(1);

        assertThatThrownBy(() -> reader.read(bytes(v02.replace("16155.55", "16155.56"))))
                .isInstanceOf(StatementRejected.class)
                .hasMessageStartingWith("Stmt[1]/Bal: opening balance 15230.55 EUR");
        assertThatThrownBy(() ->
                        reader.read(bytes(v02.replace("<NbOfNtries>3</NbOfNtries>", "<NbOfNtries>4</NbOfNtries>"))))
                .isInstanceOf(StatementRejected.class)
                .hasMessage("Stmt[1]/TxsSummry/TtlNtries/NbOfNtries declares 4 entries; the statement has 3");
        assertThatThrownBy(() -> reader.read(bytes(
                        v02.replace("<TxAmt><Amt Ccy=\"EUR\">235.00</Amt>", "<TxAmt><Amt Ccy=\"USD\">235.00</Amt>"))))
                .isInstanceOf(StatementRejected.class)
                .hasMessageStartingWith("Stmt[1]/Ntry[3]/NtryDtls/TxDtls[1]/Amt/@Ccy is USD inside an entry in EUR");
    }

    @Test
    void refusesExternalEntities() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">&x;</Document>";

        assertThatThrownBy(() -> reader.read(bytes(xml))).isInstanceOf(StatementRejected.class);
    }

    private ParsedStatement single(String name) {
        List<ParsedStatement> statements = reader.read(bytes(sample(name)));
        assertThat(statements).hasSize(1);
        return statements.get(0);
    }

    static String sample(String name) {
        try (InputStream in = CamtReaderTest.class.getResourceAsStream("/bank-statements/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
