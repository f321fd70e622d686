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
    private final Map<String, Long> learnedIbans = new HashMap<>();
    private final CashMatcher matcher = new CashMatcher(MatchingPolicy.defaults());

    @Test
    void aStructuredCreditorReferenceSettlesItsInvoice() {
        OpenItem invoice = invoice(77, 1, "1190.00");

        Proposal proposal = match(payment("1190.00").reference(invoice.creditorReference()));

        assertPosted(proposal, "0.900", 1);
        assertThat(proposal.allocations()).containsExactly(paid(invoice, "1190.00"));
        assertThat(proposal.reasons()).anyMatch(reason -> reason.contains("is invoice INV-2026-000077"));
    }

    @Test
    void everyAutomaticPostingKeepsItsReasonsAndConfidenceInWords() {
        OpenItem invoice = invoice(123, 1, "1190.00");

        Proposal proposal = match(
                payment("1190.00").iban(ACME_IBAN).name("ACME MASCHINENBAU").reference(invoice.creditorReference()));

        assertPosted(proposal, "0.990", 1);
        assertThat(proposal.reasons())
                .contains("INV-2026-000123: reference " + invoice.creditorReference()
                        + " is invoice INV-2026-000123; amount equals the open amount; IBAN " + ACME_IBAN
                        + " known for customer 1; the only open item or combination of customer 1 that the amount"
                        + " settles -> confidence 0.990")
                .anyMatch(reason -> reason.startsWith("posted automatically: confidence 0.990 reaches 0.90"));
    }

    @Test
    void aCreditorReferenceWrittenIntoTheFreeTextCountsToo() {
        OpenItem invoice = invoice(78, 2, "300.00");
        String spaced = invoice.creditorReference().replaceAll("(.{4})", "$1 ");

        Proposal proposal = match(payment("300.00").text("Zahlung " + spaced + " danke"));

        assertPosted(proposal, "0.900", 2);
    }

    @Test
    void aMistypedCreditorReferenceFailsItsCheckDigitsAndIsNotTrusted() {
        invoice(79, 2, "300.00");

        Proposal proposal = match(payment("300.00").reference("RF00INV2026000079"));

        assertThat(proposal.reasons()).anyMatch(reason -> reason.contains("fails its ISO 11649 check"));
        assertToClerk(proposal);
    }

    @Test
    void aNumberWrittenWithoutSeparatorsIsConfirmedByTheAmountWithoutThePayer() {
        OpenItem invoice = invoice(1227, 2, "845.10");

        Proposal proposal = match(payment("845.10").text("Rechnung 2026/1227"));

        assertPosted(proposal, "0.900", 2);
        assertThat(proposal.allocations()).containsExactly(paid(invoice, "845.10"));
        assertThat(proposal.reasons().get(0))
                .contains(
                        "written without its separators", "the amount confirms the number written without separators");
    }

    @Test
    void aNumberWrittenWithoutSeparatorsWhoseAmountDoesNotSettleItGoesToAClerk() {
        invoice(1227, 2, "845.10");

        assertToClerk(match(payment("845.00").text("Rechnung 2026/1227")));
    }

    @Test
    void twoNumbersWrittenWithoutSeparatorsWhoseSumTheAmountIsArePostedTogether() {
        OpenItem first = invoice(5729, 2, "100.00");
        OpenItem second = invoice(1193, 2, "20.50");

        Proposal proposal = match(payment("120.50").text("RG 2026/5729 2026001193"));

        assertPosted(proposal, "0.900", 2);
        assertThat(proposal.allocations()).containsExactly(paid(second, "20.50"), paid(first, "100.00"));
    }

    @Test
    void severalInvoiceNumbersInTheTextWithOrWithoutSeparatorsAndZeros() {
        OpenItem first = invoice(77, 2, "200.00");
        OpenItem second = invoice(78, 2, "35.00");

        Proposal proposal =
                match(payment("235.00").name("BERGER + SOEHNE").text("Rechnung INV2026000077 und INV 2026 78"));

        assertPosted(proposal, "0.990", 2);
        assertThat(proposal.allocations()).containsExactly(paid(first, "200.00"), paid(second, "35.00"));
        assertThat(proposal.reasons().get(0)).contains("written without its separators");
    }

    @Test
    void aNumberWithOneTypoIsPostedWhenAmountAndPayerConfirmIt() {
        OpenItem invoice = invoice(123, 3, "410.20");
        invoice(128, 1, "99.00");

        Proposal proposal = match(payment("410.20").name("Nordwind Logistics").text("invoice INV-2026-000132"));

        assertPosted(proposal, "0.990", 3);
        assertThat(proposal.allocations()).containsExactly(paid(invoice, "410.20"));
        assertThat(proposal.reasons()).anyMatch(reason -> reason.contains("one typo or transposition"));
    }

    @Test
    void aNumberWithOneTypoIsPostedWithoutThePayerWhenTheAmountSinglesOutOneInvoice() {
        OpenItem invoice = invoice(123, 3, "410.20");
        invoice(131, 2, "99.00");

        Proposal proposal = match(payment("410.20").name("Somebody Else").text("invoice INV-2026-000132"));

        assertPosted(proposal, "0.900", 3);
        assertThat(proposal.allocations()).containsExactly(paid(invoice, "410.20"));
        assertThat(proposal.reasons().get(0))
                .contains("one typo or transposition from the text", "the amount singles out INV-2026-000123");
    }

    @Test
    void aNumberWithOneTypoGoesToAClerkWhenTwoInvoicesOneTypoAwayFitTheAmount() {
        invoice(123, 3, "410.20");
        invoice(131, 2, "410.20");

        Proposal proposal = match(payment("410.20").name("Somebody Else").text("invoice INV-2026-000132"));

        assertToClerk(proposal);
        assertThat(proposal.candidates())
                .extracting(Proposal.Candidate::invoiceId)
                .contains(123L, 131L);
        assertThat(proposal.reasons()).anyMatch(reason -> reason.contains("fit about equally well"));
    }

    @Test
    void aTypoLandingOnAnotherCustomersInvoiceFarBelowTheAmountIsReadAsTheTypo() {
        OpenItem meant = invoice(9700, 3, "2522.63");
        invoice(7900, 2, "742.36");

        Proposal proposal = match(payment("2522.63").name("Somebody Else").text("Rechnung INV-2026-007900"));

        assertPosted(proposal, "0.900", 3);
        assertThat(proposal.allocations()).containsExactly(paid(meant, "2522.63"));
    }

    @Test
    void aTypoLandingOnAnotherCustomersInvoiceTheAmountCouldPartlyPayIsLeftToAClerk() {
        invoice(9700, 3, "2522.63");
        invoice(7900, 2, "12742.36");

        Proposal proposal = match(payment("2522.63").name("Somebody Else").text("Rechnung INV-2026-007900"));

        assertToClerk(proposal);
        assertThat(proposal.candidates())
                .extracting(Proposal.Candidate::invoiceId)
                .contains(9700L, 7900L);
    }

    @Test
    void aNumberOfThePayersOwnInvoiceIsReadAsWrittenNotAsATypoOfAnInvoiceTheAmountSettles() {
        invoice(9700, 3, "2522.63");
        OpenItem named = invoice(7900, 2, "12742.36");

        Proposal proposal = match(payment("2522.63").name("Berger & Soehne").text("Rechnung INV-2026-007900"));

        assertPosted(proposal, "0.990", 2);
        assertThat(proposal.allocations()).as("a part payment").containsExactly(paid(named, "2522.63"));
        assertThat(proposal.candidates())
                .filteredOn(candidate -> candidate.invoiceId() == 9700L)
                .singleElement()
                .satisfies(candidate -> assertThat(candidate.why()).doesNotContain("singles out"));
    }

    @Test
    void aNumberWithOneTypoGoesToAClerkWhenTheAmountDoesNotSettleIt() {
        invoice(123, 3, "410.20");

        Proposal proposal = match(payment("200.00").name("Nordwind Logistics").text("invoice INV-2026-000132"));

        assertToClerk(proposal);
    }

    @Test
    void aTypoThatHappensToBeAnotherInvoiceOfSomeoneElseIsOutweighedByAmountAndAccount() {
        OpenItem meant = invoice(123, 1, "410.20");
        OpenItem other = invoice(128, 2, "99.00");

        Proposal proposal = match(payment("410.20").iban(ACME_IBAN).text("INV-2026-000128"));

        assertPosted(proposal, "0.990", 1);
        assertThat(proposal.allocations())
                .as("the payer's own invoice settled by the amount")
                .containsExactly(paid(meant, "410.20"));
        assertThat(proposal.candidates())
                .filteredOn(candidate -> candidate.invoiceId() == other.invoiceId())
                .singleElement()
                .satisfies(candidate -> assertThat(candidate.why()).contains("but the payer is customer 1"));
    }

    @Test
    void aNumberThatMightBeATypoOfTheInvoiceTheAmountPaysIsLeftToAClerk() {
        OpenItem named = invoice(1767, 2, "14803.21");
        OpenItem meant = invoice(3767, 2, "7595.46");

        Proposal proposal = match(payment("7595.46").name("Berger & Söhne KG").text("Rechnung INV-2026-001767"));

        assertToClerk(proposal);
        assertThat(proposal.candidates())
                .extracting(Proposal.Candidate::invoiceId)
                .contains(meant.invoiceId(), named.invoiceId());
    }

    @Test
    void aKnownAccountAndAnAmountThatEqualsOneOpenInvoice() {
        invoice(10, 1, "100.00");
        OpenItem invoice = invoice(11, 1, "250.00");

        Proposal proposal = match(payment("250.00").iban(ACME_IBAN));

        assertPosted(proposal, "0.900", 1);
        assertThat(proposal.allocations()).containsExactly(paid(invoice, "250.00"));
    }

    @Test
    void aKnownAccountPayingACombinationOfInvoices() {
        OpenItem a = invoice(10, 1, "100.00");
        invoice(11, 1, "250.00");
        OpenItem c = invoice(12, 1, "75.50");

        Proposal proposal = match(payment("175.50").iban(ACME_IBAN));

        assertPosted(proposal, "0.900", 1);
        assertThat(proposal.allocations()).containsExactly(paid(a, "100.00"), paid(c, "75.50"));
    }

    @Test
    void withoutAReferenceTwoFittingWaysToPayGoToAClerk() {
        invoice(10, 1, "100.00");
        invoice(11, 1, "250.00");
        invoice(12, 1, "150.00");

        Proposal proposal = match(payment("250.00").iban(ACME_IBAN));

        assertToClerk(proposal);
        assertThat(proposal.candidates())
                .extracting(Proposal.Candidate::invoiceIds)
                .contains(List.of(11L), List.of(10L, 12L));
    }

    @Test
    void twoInvoicesWithTheSameAmountAreAmbiguousAndBothAreShown() {
        invoice(10, 1, "100.00");
        invoice(11, 1, "100.00");

        Proposal proposal = match(payment("100.00").iban(ACME_IBAN));

        assertToClerk(proposal);
        assertThat(proposal.customerId()).isEqualTo(1L);
        assertThat(proposal.allocations()).isEmpty();
        assertThat(proposal.candidates())
                .extracting(Proposal.Candidate::invoiceId)
                .containsExactly(10L, 11L);
        assertThat(proposal.candidates().get(0).score())
                .isEqualByComparingTo(proposal.candidates().get(1).score());
        assertThat(proposal.reasons()).anyMatch(reason -> reason.contains("fit about equally well"));
    }

    @Test
    void aTextNamingTwoInvoicesEachOfWhichTheAmountSettlesGoesToAClerk() {
        invoice(20, 1, "300.00");
        invoice(21, 1, "300.00");

        Proposal proposal = match(payment("300.00").iban(ACME_IBAN).text("INV-2026-000020 INV-2026-000021"));

        assertToClerk(proposal);
        assertThat(proposal.candidates())
                .extracting(Proposal.Candidate::invoiceId)
                .contains(20L, 21L);
    }

    @Test
    void anEarlyPaymentDiscountWithinTheTermsSettlesTheInvoice() {
        OpenItem invoice = discounted(90, 1, "1000.00", TODAY.minusDays(1), "0.0200");

        Proposal proposal = match(payment("980.00").reference(invoice.creditorReference()));

        assertPosted(proposal, "0.900", 1);
        assertThat(proposal.allocations())
                .containsExactly(new PlannedAllocation(
                        invoice.invoiceId(),
                        invoice.number(),
                        new BigDecimal("980.00"),
                        "DISCOUNT",
                        new BigDecimal("20.00")));
        assertThat(proposal.reasons()).anyMatch(reason -> reason.contains("discount until 2026-11-19"));
    }

    @Test
    void aDiscountTakenTooLateIsAPartialPaymentAndTheRestStaysOpen() {
        OpenItem invoice = discounted(91, 1, "1000.00", TODAY.minusDays(10), "0.0200");

        Proposal proposal = match(payment("980.00").text(invoice.number()));

        assertPosted(proposal, "0.900", 1);
        assertThat(proposal.allocations()).as("no discount").containsExactly(paid(invoice, "980.00"));
        assertThat(proposal.unapplied()).isEqualByComparingTo("0");
    }

    @Test
    void aSmallShortPaymentWithinToleranceIsWrittenOffAsDeduction() {
        OpenItem invoice = invoice(92, 1, "1190.00");

        Proposal proposal = match(payment("1186.50").iban(ACME_IBAN).reference(invoice.creditorReference()));

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
    void aWriteOffOnAWrittenNumberNeedsThePayerWhenAnotherInvoiceFitsTheAmountExactly() {
        // A typo that is another customer's invoice number: short by a few euros of that one, exactly the meant one.
        invoice(11182, 2, "14398.55");
        OpenItem meant = invoice(10182, 3, "14394.08");

        Proposal stranger = match(payment("14394.08").name("Somebody Else").text("Rechnung INV-2026-011182"));
        assertToClerk(stranger);
        assertThat(stranger.candidates())
                .extracting(Proposal.Candidate::invoiceId)
                .contains(meant.invoiceId());

        Proposal known = match(payment("14394.08").name("Nordwind Logistics").text("Rechnung INV-2026-011182"));
        assertPosted(known, "0.990", 3);
        assertThat(known.allocations()).containsExactly(paid(meant, "14394.08"));
    }

    @Test
    void anOverpaymentStaysAsUnappliedCredit() {
        OpenItem invoice = invoice(93, 1, "500.00");

        Proposal proposal = match(payment("520.00").name("Acme Maschinenbau").reference(invoice.creditorReference()));

        assertPosted(proposal, "0.900", 1);
        assertThat(proposal.allocations()).containsExactly(paid(invoice, "500.00"));
        assertThat(proposal.unapplied()).isEqualByComparingTo("20.00");
    }

    @Test
    void aPartialPaymentNamingExactlyOneInvoiceIsPostedAndTheRestStaysOpen() {
        OpenItem invoice = invoice(94, 1, "500.00");
        invoice(95, 1, "80.00");

        Proposal proposal = match(payment("200.00").iban(ACME_IBAN).text("1. Rate " + invoice.number()));

        assertPosted(proposal, "0.990", 1);
        assertThat(proposal.allocations()).containsExactly(paid(invoice, "200.00"));
        assertThat(proposal.unapplied()).isEqualByComparingTo("0");
        assertThat(proposal.reasons())
                .anyMatch(reason -> reason.contains("partial payment: 200.00 of 500.00, the rest stays open"));
    }

    @Test
    void aPartialPaymentNamingOnlyOneInvoiceExactlyIsPostedWithoutThePayerWhenTheAmountFitsNothingElse() {
        OpenItem invoice = invoice(94, 1, "500.00");
        OpenItem other = invoice(95, 2, "800.00");

        Proposal byReference = match(payment("200.00").reference(invoice.creditorReference()));
        assertPosted(byReference, "0.900", 1);
        assertThat(byReference.allocations()).containsExactly(paid(invoice, "200.00"));
        assertThat(byReference.reasons().get(0))
                .contains("the payment names only INV-2026-000094", "a part payment of it");

        Proposal byNumber = match(payment("300.00").text("Teilzahlung " + other.number()));
        assertPosted(byNumber, "0.900", 2);
        assertThat(byNumber.allocations()).containsExactly(paid(other, "300.00"));
    }

    @Test
    void aPartialPaymentWithoutThePayerGoesToAClerkWhenTheAmountIsAnotherOpenInvoiceOfTheCustomer() {
        OpenItem invoice = invoice(94, 1, "500.00");
        invoice(95, 1, "200.00");

        Proposal proposal = match(payment("200.00").reference(invoice.creditorReference()));

        assertToClerk(proposal);
        assertThat(proposal.allocations()).containsExactly(paid(invoice, "200.00"));
    }

    @Test
    void aPartialPaymentNamingANumberAsTextGoesToAClerkWhenTheAmountIsAnotherCustomersOpenInvoice() {
        // A slip in a typed number can land on another real invoice; a creditor reference's check digits cannot.
        OpenItem invoice = invoice(94, 1, "500.00");
        invoice(95, 2, "200.00");

        assertToClerk(match(payment("200.00").text("Teilzahlung " + invoice.number())));
        assertPosted(match(payment("200.00").reference(invoice.creditorReference())), "0.900", 1);
    }

    @Test
    void aPartialPaymentWithoutThePayerGoesToAClerkWhenTheTextNamesTwoInvoicesOrOnlyWithoutSeparators() {
        OpenItem invoice = invoice(94, 1, "500.00");
        invoice(96, 1, "700.00");

        assertToClerk(match(payment("200.00").text("Teilzahlung " + invoice.number() + " INV-2026-000096")));
        assertToClerk(match(payment("200.00").text("Teilzahlung 2026000094")));
    }

    @Test
    void aPartialPaymentFromAnotherCustomersAccountGoesToAClerk() {
        OpenItem invoice = invoice(94, 2, "500.00");

        Proposal proposal = match(payment("200.00").iban(ACME_IBAN).reference(invoice.creditorReference()));

        assertToClerk(proposal);
    }

    @Test
    void aShortPaymentWithinToleranceNamingOnlyOneInvoiceAsWrittenIsWrittenOffWithoutThePayer() {
        OpenItem invoice = invoice(92, 1, "1190.00");

        Proposal proposal = match(payment("1186.50").text("Rechnung " + invoice.number()));

        assertPosted(proposal, "0.900", 1);
        assertThat(proposal.allocations())
                .containsExactly(new PlannedAllocation(
                        invoice.invoiceId(),
                        invoice.number(),
                        new BigDecimal("1186.50"),
                        "DEDUCTION",
                        new BigDecimal("3.50")));
        assertThat(proposal.reasons().get(0)).contains("the shortfall is written off");
    }

    @Test
    void aPartialPaymentWhoseAmountEqualsAnotherOpenInvoiceGoesToAClerk() {
        invoice(94, 1, "500.00");
        invoice(95, 1, "200.00");

        Proposal proposal = match(payment("200.00").iban(ACME_IBAN).text("INV-2026-000094"));

        assertToClerk(proposal);
        assertThat(proposal.candidates())
                .extracting(Proposal.Candidate::invoiceId)
                .contains(94L, 95L);
    }

    @Test
    void anUnknownPayerWithoutReferenceGoesToAClerkWithCandidatesOfTheSameAmount() {
        OpenItem invoice = invoice(95, 2, "64.00");

        Proposal proposal = match(payment("64.00").name("Somebody Else").text("thanks"));

        assertToClerk(proposal);
        assertThat(proposal.customerId()).isNull();
        assertThat(proposal.allocations()).isEmpty();
        assertThat(proposal.candidates())
                .extracting(Proposal.Candidate::invoiceId)
                .containsExactly(invoice.invoiceId());
        assertThat(proposal.reasons()).contains("the payer is unknown");
    }

    @Test
    void aNameAClerkTaughtIdentifiesThePayerNextTime() {
        OpenItem invoice = invoice(96, 3, "410.00");
        invoice(97, 1, "410.00");
        Proposal before = match(payment("410.00").name("NORDWIND LOG."));
        assertToClerk(before);
        assertThat(before.reasons().get(0)).as("an abbreviated name is a hint").contains("similar to customer 3");

        learnedNames.put(PayerNames.normalize("NORDWIND LOG."), 3L);

        Proposal proposal = match(payment("410.00").name("Nordwind Log."));
        assertPosted(proposal, "0.900", 3);
        assertThat(proposal.allocations()).containsExactly(paid(invoice, "410.00"));
        assertThat(proposal.reasons().get(0)).contains("learned from a clerk for customer 3");
    }

    @Test
    void anAccountAClerkTaughtIdentifiesThePayerNextTime() {
        invoice(96, 3, "410.00");
        invoice(97, 3, "99.00");
        String newAccount = "GB33BUKB20201555555555";
        assertToClerk(match(payment("509.00").iban(newAccount)));

        learnedIbans.put(newAccount, 3L);

        assertPosted(match(payment("509.00").iban(newAccount)), "0.900", 3);
    }

    @Test
    void withoutAnyReferenceTheCustomersOwnNameAndTheOnlyFittingInvoicePost() {
        invoice(96, 2, "40.00");
        OpenItem invoice = invoice(97, 2, "88.00");

        Proposal proposal = match(payment("88.00").name("BERGER UND SOEHNE").name("Berger & Soehne"));

        assertPosted(proposal, "0.900", 2);
        assertThat(proposal.allocations()).containsExactly(paid(invoice, "88.00"));
    }

    @Test
    void aNameSharedByTwoCustomersIdentifiesNobody() {
        payers.add(new Payer(4, "Berger & Söhne GmbH", null, "EUR"));
        invoice(97, 2, "88.00");

        Proposal proposal = match(payment("88.00").name("Berger & Soehne"));

        assertToClerk(proposal);
        assertThat(proposal.reasons()).anyMatch(reason -> reason.contains("shared by 2 customers"));
    }

    @Test
    void aNameTheBankCutOffIsTheCustomersNameAnAbbreviationOnlySimilar() {
        payers.add(new Payer(5, "Westtextil Hamburg GmbH", null, "EUR"));
        invoice(30, 5, "61.00");
        invoice(31, 1, "61.00");

        assertPosted(match(payment("61.00").name("WESTTEXTIL HAMBU")), "0.900", 5);
        assertToClerk(match(payment("61.00").name("WESTT. HAMB.")));
    }

    @Test
    void aNameTheBankCutOffInsideItsLegalFormIsTheCustomersName() {
        payers.add(new Payer(5, "Nordbau Berlin GmbH", null, "EUR"));
        OpenItem first = invoice(30, 5, "61.00");
        OpenItem second = invoice(31, 5, "20.00");
        invoice(32, 5, "500.00");

        Proposal proposal = match(payment("81.00").name("NORDBAU BERLIN G").text("Sammelzahlung"));

        assertPosted(proposal, "0.900", 5);
        assertThat(proposal.allocations()).containsExactly(paid(first, "61.00"), paid(second, "20.00"));
        assertThat(proposal.reasons().get(0)).contains("name 'NORDBAU BERLIN G' is customer 5's, cut off");
    }

    @Test
    void aNameCutInsideTheLegalFormOfTwoCustomersOfThatNameIdentifiesNobody() {
        payers.add(new Payer(5, "Nordbau Berlin GmbH", null, "EUR"));
        payers.add(new Payer(6, "Nordbau Berlin AG", null, "EUR"));
        invoice(30, 5, "61.00");

        Proposal proposal = match(payment("61.00").name("NORDBAU BERLIN G"));

        assertToClerk(proposal);
        assertThat(proposal.customerId()).isNull();
    }

    @Test
    void anAbbreviatedNameIsEnoughWhenTheAmountIsOpenWithThatCustomerOnlyAndOnce() {
        payers.add(new Payer(5, "Westtextil Hamburg GmbH", null, "EUR"));
        OpenItem invoice = invoice(30, 5, "61.00");
        invoice(32, 5, "75.00");

        Proposal proposal = match(payment("61.00").name("WESTT. HAMB."));

        assertPosted(proposal, "0.900", 5);
        assertThat(proposal.allocations()).containsExactly(paid(invoice, "61.00"));
        assertThat(proposal.reasons().get(0)).contains("similar to customer 5's", "no other customer has 61.00 open");
    }

    @Test
    void anAbbreviatedNameOfACustomerWithTwoInvoicesOfTheAmountGoesToAClerk() {
        payers.add(new Payer(5, "Westtextil Hamburg GmbH", null, "EUR"));
        invoice(30, 5, "61.00");
        invoice(33, 5, "61.00");

        assertToClerk(match(payment("61.00").name("WESTT. HAMB.")));
    }

    @Test
    void aCollectivePaymentWhoseTextNamesOnlyPartOfTheInvoicesIsPostedWhenTheAmountSingleThemOut() {
        OpenItem named = invoice(40, 1, "120.00");
        OpenItem unnamed = invoice(41, 1, "80.00");
        invoice(42, 1, "55.00");

        Proposal proposal = match(payment("200.00").iban(ACME_IBAN).text("Rechnungen INV-2026-000040 u. Nr. 41"));

        assertPosted(proposal, "0.990", 1);
        assertThat(proposal.allocations()).containsExactly(paid(named, "120.00"), paid(unnamed, "80.00"));
        assertThat(proposal.reasons().get(0)).contains("the text names INV-2026-000040 of these");
    }

    @Test
    void farMoreThanTheNamedInvoiceGoesToAClerk() {
        OpenItem invoice = invoice(43, 1, "249.93");

        Proposal proposal = match(payment("499.86").iban(ACME_IBAN).text(invoice.number()));

        assertToClerk(proposal);
        assertThat(proposal.reasons().get(0)).contains("far more than is open");
    }

    @Test
    void thresholdsAndWeightsComeFromThePolicy() {
        OpenItem invoice = invoice(77, 1, "1190.00");
        MatchingPolicy stricter = new MatchingPolicy(new BigDecimal("0.95"), null, null, null, 3, 0, null);

        Proposal proposal = new CashMatcher(stricter)
                .match(
                        payment("1190.00")
                                .reference(invoice.creditorReference())
                                .build(),
                        new OpenItemBook(items, payers, learnedIbans, learnedNames));

        assertThat(proposal.confidence()).isEqualByComparingTo("0.90");
        assertThat(proposal.automatic()).isFalse();
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
        assertThat(proposal.automatic()).isFalse();
        assertThat(proposal.reasons()).contains("the invoices are in another currency than the payment");
    }

    private void assertPosted(Proposal proposal, String confidence, long customerId) {
        assertThat(proposal.confidence())
                .as(String.join("; ", proposal.reasons()))
                .isEqualByComparingTo(confidence);
        assertThat(proposal.customerId()).isEqualTo(customerId);
        assertThat(proposal.postsAutomatically())
                .as(String.join("; ", proposal.reasons()))
                .isTrue();
    }

    private void assertToClerk(Proposal proposal) {
        assertThat(proposal.postsAutomatically())
                .as(String.join("; ", proposal.reasons()))
                .isFalse();
        assertThat(proposal.reasons()).anyMatch(reason -> reason.startsWith("to a clerk"));
    }

    private Proposal match(PaymentBuilder payment) {
        return matcher.match(payment.build(), new OpenItemBook(items, payers, learnedIbans, learnedNames));
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
