package dev.o2c.cashapplication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.billing.CreditorReference;
import dev.o2c.cashapplication.Proposal.PlannedAllocation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CashMatcherTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final String ACME_IBAN = "DE02120300000000202051";

    private final List<OpenItem> items = new ArrayList<>();
    private final List<Payer> payers = new ArrayList<>(List.of(
            new Payer(1, "ACME Maschinenbau GmbH", ACME_IBAN, "EUR"),
            new Payer(2, "Berger & Söhne KG", "AT611904300234573201", "EUR"),
            new Payer(3, "Nordwind Logistics Ltd", null, "EUR")));
    private final Map<String, Long> learnedNames = new HashMap<>();
    private final CashMatcher matcher = new CashMatcher(MatchingPolicy.defaults());

    @Test
    void aStructuredCreditorReferenceSettlesItsInvoice() {
        OpenItem invoice = invoice(77, 1, "1190.00");

        Proposal proposal = match(payment("1190.00").reference(invoice.creditorReference()));

        assertPosted(proposal, "0.990", 1);
        assertThat(proposal.allocations()).containsExactly(paid(invoice, "1190.00"));
        assertThat(proposal.reasons()).anyMatch(reason -> reason.contains("is invoice INV-2026-000077"));
    }

    @Test
    void aCreditorReferenceWrittenIntoTheFreeTextCountsToo() {
        OpenItem invoice = invoice(78, 2, "300.00");
        String spaced = invoice.creditorReference().replaceAll("(.{4})", "$1 ");

        Proposal proposal = match(payment("300.00").text("Zahlung " + spaced + " danke"));

        assertPosted(proposal, "0.990", 2);
    }

    @Test
    void aMistypedCreditorReferenceFailsItsCheckDigitsAndIsNotTrusted() {
        invoice(79, 2, "300.00");

        Proposal proposal = match(payment("300.00").reference("RF00INV2026000079"));

        assertThat(proposal.reasons()).anyMatch(reason -> reason.contains("fails its ISO 11649 check"));
        assertThat(proposal.confidence()).isLessThan(new BigDecimal("0.90"));
    }

    @Test
    void severalInvoiceNumbersInTheTextWithOrWithoutSeparatorsAndZeros() {
        OpenItem first = invoice(77, 2, "200.00");
        OpenItem second = invoice(78, 2, "35.00");

        Proposal proposal = match(payment("235.00").text("Rechnung INV2026000077 und INV 2026 78"));

        assertPosted(proposal, "0.970", 2);
        assertThat(proposal.allocations()).containsExactly(paid(first, "200.00"), paid(second, "35.00"));
    }

    @Test
    void aNumberOneTypoAwayIsTrustedWhenTheAmountSettlesThatInvoice() {
        OpenItem invoice = invoice(123, 3, "410.20");
        invoice(128, 1, "99.00");

        Proposal proposal = match(payment("410.20").text("invoice INV-2026-000132"));

        assertPosted(proposal, "0.920", 3);
        assertThat(proposal.allocations()).containsExactly(paid(invoice, "410.20"));
        assertThat(proposal.reasons()).anyMatch(reason -> reason.contains("with one typo"));
    }

    @Test
    void aTypoThatHappensToBeAnotherInvoiceOfSomeoneElseGoesToAClerk() {
        OpenItem meant = invoice(123, 1, "410.20");
        OpenItem other = invoice(128, 2, "99.00");

        Proposal proposal = match(payment("410.20").iban(ACME_IBAN).text("INV-2026-000128"));

        assertThat(proposal.reasons()).anyMatch(reason -> reason.contains("belong to someone else"));
        assertThat(proposal.customerId()).isEqualTo(1L);
        assertPosted(proposal, "0.950", 1);
        assertThat(proposal.allocations())
                .as("the payer's own invoice settled by the amount")
                .containsExactly(paid(meant, "410.20"));
        assertThat(proposal.allocations())
                .extracting(PlannedAllocation::invoiceId)
                .doesNotContain(other.invoiceId());
    }

    @Test
    void aNumberThatMightBeATypoOfTheInvoiceTheAmountPaysIsLeftToAClerk() {
        invoice(1767, 2, "14803.21");
        OpenItem meant = invoice(3767, 2, "7595.46");

        Proposal proposal = match(payment("7595.46").name("Berger & Söhne KG").text("Rechnung INV-2026-001767"));

        assertThat(proposal.confidence()).isLessThan(new BigDecimal("0.90"));
        assertThat(proposal.reasons()).anyMatch(reason -> reason.contains("one typo away"));
        assertThat(proposal.candidates())
                .extracting(Proposal.Candidate::invoiceId)
                .contains(meant.invoiceId());
    }

    @Test
    void aKnownAccountAndAnAmountThatEqualsOneOpenInvoice() {
        invoice(10, 1, "100.00");
        OpenItem invoice = invoice(11, 1, "250.00");

        Proposal proposal = match(payment("250.00").iban(ACME_IBAN));

        assertPosted(proposal, "0.950", 1);
        assertThat(proposal.allocations()).containsExactly(paid(invoice, "250.00"));
    }

    @Test
    void aKnownAccountPayingACombinationOfInvoices() {
        OpenItem a = invoice(10, 1, "100.00");
        invoice(11, 1, "250.00");
        OpenItem c = invoice(12, 1, "75.50");

        Proposal proposal = match(payment("175.50").iban(ACME_IBAN));

        assertPosted(proposal, "0.910", 1);
        assertThat(proposal.allocations()).containsExactly(paid(a, "100.00"), paid(c, "75.50"));
    }

    @Test
    void twoInvoicesWithTheSameAmountAreAmbiguous() {
        invoice(10, 1, "100.00");
        invoice(11, 1, "100.00");

        Proposal proposal = match(payment("100.00").iban(ACME_IBAN));

        assertThat(proposal.confidence()).isEqualByComparingTo("0");
        assertThat(proposal.customerId()).isEqualTo(1L);
        assertThat(proposal.candidates()).hasSize(2);
    }

    @Test
    void anEarlyPaymentDiscountWithinTheTermsSettlesTheInvoice() {
        OpenItem invoice = discounted(90, 1, "1000.00", TODAY.minusDays(1), "0.0200");

        Proposal proposal = match(payment("980.00").reference(invoice.creditorReference()));

        assertPosted(proposal, "0.990", 1);
        assertThat(proposal.allocations())
                .containsExactly(new PlannedAllocation(
                        invoice.invoiceId(),
                        invoice.number(),
                        new BigDecimal("980.00"),
                        "DISCOUNT",
                        new BigDecimal("20.00")));
    }

    @Test
    void aDiscountTakenTooLateIsAPartialPayment() {
        OpenItem invoice = discounted(91, 1, "1000.00", TODAY.minusDays(10), "0.0200");

        Proposal proposal = match(payment("980.00").text(invoice.number()));

        assertThat(proposal.allocations()).containsExactly(paid(invoice, "980.00"));
        assertThat(proposal.confidence())
                .as("a part payment by number alone needs a clerk")
                .isEqualByComparingTo("0.85");
    }

    @Test
    void aSmallShortPaymentWithinToleranceIsWrittenOffAsDeduction() {
        OpenItem invoice = invoice(92, 1, "1190.00");

        Proposal proposal = match(payment("1186.50").reference(invoice.creditorReference()));

        assertPosted(proposal, "0.990", 1);
        assertThat(proposal.allocations())
                .containsExactly(new PlannedAllocation(
                        invoice.invoiceId(),
                        invoice.number(),
                        new BigDecimal("1186.50"),
                        "DEDUCTION",
                        new BigDecimal("3.50")));
    }

    @Test
    void anOverpaymentStaysAsUnappliedCredit() {
        OpenItem invoice = invoice(93, 1, "500.00");

        Proposal proposal = match(payment("520.00").reference(invoice.creditorReference()));

        assertPosted(proposal, "0.920", 1);
        assertThat(proposal.allocations()).containsExactly(paid(invoice, "500.00"));
        assertThat(proposal.unapplied()).isEqualByComparingTo("20.00");
    }

    @Test
    void aPartialPaymentWithItsReferenceIsPostedAndTheRestStaysOpen() {
        OpenItem invoice = invoice(94, 1, "500.00");

        Proposal proposal = match(payment("200.00").reference(invoice.creditorReference()));

        assertPosted(proposal, "0.920", 1);
        assertThat(proposal.allocations()).containsExactly(paid(invoice, "200.00"));
    }

    @Test
    void anUnknownPayerWithoutReferenceGoesToAClerkWithCandidatesOfTheSameAmount() {
        OpenItem invoice = invoice(95, 2, "64.00");

        Proposal proposal = match(payment("64.00").name("Somebody Else").text("thanks"));

        assertThat(proposal.customerId()).isNull();
        assertThat(proposal.confidence()).isEqualByComparingTo("0");
        assertThat(proposal.candidates())
                .extracting(Proposal.Candidate::invoiceId)
                .containsExactly(invoice.invoiceId());
        assertThat(proposal.reasons()).contains("the payer is unknown");
    }

    @Test
    void aNameAClerkTaughtIdentifiesThePayerNextTime() {
        OpenItem invoice = invoice(96, 3, "410.00");
        assertThat(match(payment("410.00").name("NORDWIND LOG.")).confidence()).isEqualByComparingTo("0");

        learnedNames.put(PayerNames.normalize("NORDWIND LOG."), 3L);

        Proposal proposal = match(payment("410.00").name("Nordwind Log."));
        assertPosted(proposal, "0.900", 3);
        assertThat(proposal.allocations()).containsExactly(paid(invoice, "410.00"));
    }

    @Test
    void anExactNameAloneIsNotEnoughToPost() {
        invoice(97, 2, "88.00");

        Proposal proposal = match(payment("88.00").name("BERGER UND SOEHNE").name("Berger & Soehne"));

        assertThat(proposal.customerId()).isEqualTo(2L);
        assertThat(proposal.confidence()).isEqualByComparingTo("0.80");
    }

    @Test
    void anInvoiceInAnotherCurrencyIsNeverSettled() {
        OpenItem chf = new OpenItem(
                98,
                "INV-2026-000098",
                CreditorReference.forInvoiceNumber("INV-2026-000098"),
                1,
                "CHF",
                new BigDecimal("50.00"),
                new BigDecimal("50.00"),
                null,
                BigDecimal.ZERO);
        items.add(chf);

        Proposal proposal = match(payment("50.00").reference(chf.creditorReference()));

        assertThat(proposal.allocations()).isEmpty();
        assertThat(proposal.reasons()).contains("the invoices are in another currency than the payment");
    }

    private void assertPosted(Proposal proposal, String confidence, long customerId) {
        assertThat(proposal.confidence())
                .as(String.join("; ", proposal.reasons()))
                .isEqualByComparingTo(confidence);
        assertThat(proposal.customerId()).isEqualTo(customerId);
    }

    private Proposal match(PaymentBuilder payment) {
        return matcher.match(payment.build(), new OpenItemBook(items, payers, Map.of(), learnedNames));
    }

    private OpenItem invoice(int sequence, long customerId, String open) {
        return discounted(sequence, customerId, open, null, "0");
    }

    private OpenItem discounted(int sequence, long customerId, String open, LocalDate discountDate, String rate) {
        String number = "INV-2026-%06d".formatted(sequence);
        OpenItem item = new OpenItem(
                sequence,
                number,
                CreditorReference.forInvoiceNumber(number),
                customerId,
                "EUR",
                new BigDecimal(open),
                new BigDecimal(open),
                discountDate,
                new BigDecimal(rate));
        items.add(item);
        return item;
    }

    private static PlannedAllocation paid(OpenItem item, String amount) {
        return new PlannedAllocation(item.invoiceId(), item.number(), new BigDecimal(amount), null, null);
    }

    private static PaymentBuilder payment(String amount) {
        return new PaymentBuilder(new BigDecimal(amount));
    }

    private static final class PaymentBuilder {
        private final BigDecimal amount;
        private String name;
        private String iban;
        private String reference;
        private String text;

        PaymentBuilder(BigDecimal amount) {
            this.amount = amount;
        }

        PaymentBuilder name(String name) {
            this.name = name;
            return this;
        }

        PaymentBuilder iban(String iban) {
            this.iban = iban;
            return this;
        }

        PaymentBuilder reference(String reference) {
            this.reference = reference;
            return this;
        }

        PaymentBuilder text(String text) {
            this.text = text;
            return this;
        }

        IncomingPayment build() {
            return new IncomingPayment(amount, "EUR", TODAY, name, iban, reference, text);
        }
    }
}
