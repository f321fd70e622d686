package dev.o2c.cashapplication;

import dev.o2c.billing.CreditorReference;
import dev.o2c.cashapplication.Proposal.Candidate;
import dev.o2c.cashapplication.Settlement.Fit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cash application rules, strongest first: ISO 11649 creditor reference, invoice numbers in the remittance text
 * (exact, then one typo away), then the payer (known account, learned account or name, exact name) with amounts that
 * settle one invoice, a combination of invoices, or all of them. Every proposal says why; a proposal only gets a
 * confidence high enough to post by itself when two independent facts agree (reference and amount, or payer and
 * amount). Pure and stateless: the same payment and book always give the same proposal.
 */
public final class CashMatcher {

    private static final Pattern REFERENCE_IN_TEXT = Pattern.compile("R\\s?F\\s?\\d{2}(?:\\s?[A-Z0-9]){1,21}");
    private static final int MAX_CANDIDATES = 8;
    private static final int MAX_COMBINATION_POOL = 25;
    /** Account or learned identity: enough to vouch for a part payment; a name alone is not. */
    private static final BigDecimal STRONG_PAYER = new BigDecimal("0.85");

    private final MatchingPolicy policy;

    public CashMatcher(MatchingPolicy policy) {
        this.policy = policy;
    }

    public Proposal match(IncomingPayment payment, OpenItemBook book) {
        Evidence evidence = new Evidence(payment, book);
        return byReference(evidence)
                .or(() -> byInvoiceNumbers(evidence))
                .or(() -> byPayerAndAmount(evidence))
                .orElseGet(evidence::askClerk);
    }

    /**
     * A clerk's choice, settled by the same rules (discount, tolerance, overpayment) as an automatic match. No invoices
     * chosen means the money stays on the customer's account as unapplied credit.
     */
    public Proposal settleChosen(IncomingPayment payment, long customerId, List<OpenItem> chosen, String clerk) {
        Settlement settlement = Settlement.of(payment.amount(), chosen, payment.valueDate(), policy);
        String what = chosen.isEmpty() ? "kept on the customer's account" : "applied to " + numbers(chosen);
        return new Proposal(
                customerId,
                settlement.allocations(),
                settlement.unapplied(),
                BigDecimal.ONE.setScale(3),
                List.of("chosen by " + clerk + ": " + what, "the amount " + settlement.fit().explanation),
                List.of());
    }

    private Optional<Proposal> byReference(Evidence evidence) {
        IncomingPayment payment = evidence.payment;
        Optional<String> reference = CreditorReference.parse(payment.creditorReference())
                .or(() -> referenceInText(payment.remittanceText()));
        if (reference.isEmpty()) {
            if (payment.creditorReference() != null) {
                evidence.reasons.add(
                        "creditor reference " + payment.creditorReference() + " fails its ISO 11649 check");
            }
            return Optional.empty();
        }
        Optional<OpenItem> invoice = evidence.book.byReference(reference.get());
        if (invoice.isEmpty()) {
            evidence.reasons.add("creditor reference " + reference.get() + " names no open invoice");
            return Optional.empty();
        }
        evidence.reasons.add("creditor reference " + reference.get() + " is invoice "
                + invoice.get().number());
        return evidence.settle(
                List.of(invoice.get()),
                documentConfidence("0.99", "0.92", evidence, invoice.get().customerId()));
    }

    private Optional<Proposal> byInvoiceNumbers(Evidence evidence) {
        InvoiceNumberIndex.Hits hits = evidence.book.invoiceNumbersIn(evidence.payment.remittanceText());
        hits.exact().forEach(item -> evidence.consider(item, new BigDecimal("0.80"), "invoice number in the text"));
        hits.oneTypoAway()
                .forEach(item -> evidence.consider(item, new BigDecimal("0.60"), "one typo from a number in the text"));
        Optional<Long> named = oneCustomer(hits.exact()).filter(evidence::payerAgrees);
        if (named.isPresent()) {
            boolean settled = settlesInFull(evidence, hits.exact());
            Optional<OpenItem> nearMiss = settled
                    ? Optional.empty()
                    : hits.oneTypoAway().stream()
                            .filter(evidence::payerAgrees)
                            .filter(item -> settlesInFull(evidence, List.of(item)))
                            .findFirst();
            if (nearMiss.isPresent()) {
                // The number may be a typo of the invoice the amount pays: two stories fit, so a person decides.
                evidence.consider(
                        nearMiss.get(), new BigDecimal("0.70"), "the amount settles it; one typo from the text");
                evidence.reasons.add("the amount does not settle " + numbers(hits.exact())
                        + " named in the text but settles " + nearMiss.get().number() + ", one typo away");
                return Optional.empty();
            }
            evidence.reasons.add("the text names invoice(s) " + numbers(hits.exact()));
            return evidence.settle(hits.exact(), documentConfidence("0.97", "0.85", evidence, named.get()));
        }
        if (!hits.exact().isEmpty()) {
            evidence.reasons.add("invoice(s) " + numbers(hits.exact()) + " named in the text belong to someone else");
        }
        if (hits.oneTypoAway().isEmpty()) {
            return Optional.empty();
        }
        // A typo is only trusted when the amount settles exactly one of the near misses in full.
        List<OpenItem> settledByAmount = hits.oneTypoAway().stream()
                .filter(evidence::payerAgrees)
                .filter(item -> settlesInFull(evidence, List.of(item)))
                .toList();
        if (settledByAmount.size() != 1) {
            return Optional.empty();
        }
        OpenItem item = settledByAmount.get(0);
        evidence.reasons.add("the text has " + item.number() + " with one typo, and the amount settles it");
        BigDecimal confidence = evidence.payerCustomer == null ? new BigDecimal("0.92") : new BigDecimal("0.95");
        return evidence.settle(List.of(item), fixed(confidence));
    }

    private Optional<Proposal> byPayerAndAmount(Evidence evidence) {
        if (evidence.payerCustomer == null) {
            return Optional.empty();
        }
        List<OpenItem> open = evidence.book.openOf(evidence.payerCustomer);
        open.forEach(item -> evidence.consider(item, new BigDecimal("0.30"), "open invoice of the payer"));
        if (open.isEmpty()) {
            evidence.reasons.add("the payer has no open invoices");
            return Optional.empty();
        }
        BigDecimal strength = evidence.payerStrength;
        for (Fit fit : List.of(Fit.EXACT, Fit.DISCOUNT, Fit.DEDUCTION)) {
            List<OpenItem> single = open.stream()
                    .filter(item -> Settlement.of(
                                            evidence.payment.amount(),
                                            List.of(item),
                                            evidence.payment.valueDate(),
                                            policy)
                                    .fit()
                            == fit)
                    .toList();
            if (single.size() == 1) {
                evidence.reasons.add("the amount " + fit.explanation + " of the payer's invoice "
                        + single.get(0).number());
                return evidence.settle(
                        single,
                        fixed(strength.add(
                                fit == Fit.EXACT
                                        ? new BigDecimal("0.05")
                                        : fit == Fit.DISCOUNT ? new BigDecimal("0.03") : BigDecimal.ZERO)));
            }
            if (single.size() > 1) {
                evidence.reasons.add("the amount fits " + single.size() + " of the payer's invoices equally");
                return Optional.empty();
            }
        }
        Optional<List<OpenItem>> combination = uniqueCombination(open, evidence.payment.amount());
        if (combination.isPresent()) {
            evidence.reasons.add("the amount is exactly the sum of the payer's invoices " + numbers(combination.get()));
            return evidence.settle(combination.get(), fixed(strength.add(new BigDecimal("0.01"))));
        }
        BigDecimal totalOpen = open.stream().map(OpenItem::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (evidence.payment.amount().compareTo(totalOpen) > 0) {
            evidence.reasons.add("the amount exceeds all the payer owes; the rest stays as unapplied credit");
            return evidence.settle(open, fixed(strength));
        }
        evidence.reasons.add("the amount matches none of the payer's invoices or combinations of them");
        return Optional.empty();
    }

    private boolean settlesInFull(Evidence evidence, List<OpenItem> items) {
        return Settlement.of(evidence.payment.amount(), items, evidence.payment.valueDate(), policy)
                .fit()
                .settlesInFull();
    }

    /**
     * A document reference is strong evidence; when the amount does not settle the invoice in full, it takes the payer's
     * account agreeing to post without a clerk.
     */
    private static Function<Fit, BigDecimal> documentConfidence(
            String inFull, String otherwise, Evidence evidence, long customerId) {
        boolean payerConfirms = evidence.payerCustomer != null
                && evidence.payerCustomer == customerId
                && evidence.payerStrength.compareTo(STRONG_PAYER) >= 0;
        BigDecimal partly = new BigDecimal(otherwise).add(payerConfirms ? new BigDecimal("0.07") : BigDecimal.ZERO);
        return fit -> fit.settlesInFull() ? new BigDecimal(inFull) : partly;
    }

    private static Function<Fit, BigDecimal> fixed(BigDecimal confidence) {
        return fit -> confidence;
    }

    /** Exactly one set of two or more invoices (up to the policy's size) adds up to the amount. */
    private Optional<List<OpenItem>> uniqueCombination(List<OpenItem> open, BigDecimal amount) {
        List<OpenItem> pool = open.stream()
                .filter(item -> item.openAmount().compareTo(amount) < 0)
                .limit(MAX_COMBINATION_POOL)
                .toList();
        List<List<OpenItem>> found = new ArrayList<>();
        search(pool, 0, amount, new ArrayList<>(), found);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private void search(
            List<OpenItem> pool, int from, BigDecimal left, List<OpenItem> chosen, List<List<OpenItem>> found) {
        if (found.size() > 1) {
            return;
        }
        if (left.signum() == 0 && chosen.size() >= 2) {
            found.add(List.copyOf(chosen));
            return;
        }
        if (chosen.size() == policy.maxInvoicesPerCombination() || left.signum() <= 0) {
            return;
        }
        for (int i = from; i < pool.size(); i++) {
            chosen.add(pool.get(i));
            search(pool, i + 1, left.subtract(pool.get(i).openAmount()), chosen, found);
            chosen.remove(chosen.size() - 1);
        }
    }

    private static Optional<String> referenceInText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = REFERENCE_IN_TEXT.matcher(text.toUpperCase());
        while (matcher.find()) {
            // Free text runs on after the reference ("RF45 INV2 0260 0007 8 DANKE"): the longest valid prefix is it.
            String compact = matcher.group().replaceAll("\\s", "");
            for (int length = compact.length(); length > 4; length--) {
                Optional<String> reference = CreditorReference.parse(compact.substring(0, length));
                if (reference.isPresent()) {
                    return reference;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Long> oneCustomer(List<OpenItem> items) {
        List<Long> customers =
                items.stream().map(OpenItem::customerId).distinct().toList();
        return customers.size() == 1 ? Optional.of(customers.get(0)) : Optional.empty();
    }

    private static String numbers(List<OpenItem> items) {
        return String.join(", ", items.stream().map(OpenItem::number).toList());
    }

    /** What is known about one payment while the rules run: payer, reasons, candidates for a clerk. */
    private final class Evidence {

        final IncomingPayment payment;
        final OpenItemBook book;
        final List<String> reasons = new ArrayList<>();
        final Map<Long, Candidate> candidates = new LinkedHashMap<>();
        Long payerCustomer;
        BigDecimal payerStrength = BigDecimal.ZERO;

        Evidence(IncomingPayment payment, OpenItemBook book) {
            this.payment = payment;
            this.book = book;
            identifyPayer();
        }

        private void identifyPayer() {
            Optional<Long> byAccount = book.customerWithIban(payment.debtorIban());
            Optional<Long> learnedAccount = book.learnedIban(payment.debtorIban());
            Optional<Long> learnedName = book.learnedName(payment.debtorName());
            List<Long> named = book.customersNamed(payment.debtorName());
            if (byAccount.isPresent()) {
                payer(
                        byAccount.get(),
                        "0.90",
                        "the debtor account " + payment.debtorIban() + " is the customer's account");
            } else if (learnedAccount.isPresent()) {
                payer(
                        learnedAccount.get(),
                        "0.90",
                        "a clerk matched the debtor account " + payment.debtorIban() + " before");
            } else if (learnedName.isPresent()) {
                payer(
                        learnedName.get(),
                        "0.85",
                        "a clerk matched the debtor name '" + payment.debtorName() + "' before");
            } else if (named.size() == 1) {
                payer(named.get(0), "0.75", "the debtor name '" + payment.debtorName() + "' is the customer's name");
            }
        }

        private void payer(long customerId, String strength, String reason) {
            Optional<Payer> payer = book.payer(customerId);
            if (payer.isPresent() && !payer.get().currency().equals(payment.currency())) {
                reasons.add(reason + ", but the customer is billed in "
                        + payer.get().currency());
                return;
            }
            payerCustomer = customerId;
            payerStrength = new BigDecimal(strength);
            reasons.add(reason + " (customer " + customerId + ")");
        }

        boolean payerAgrees(long customerId) {
            return payerCustomer == null || payerCustomer == customerId;
        }

        boolean payerAgrees(OpenItem item) {
            return payerAgrees(item.customerId());
        }

        void consider(OpenItem item, BigDecimal score, String why) {
            candidates.merge(
                    item.invoiceId(),
                    new Candidate(item.invoiceId(), item.number(), item.customerId(), item.openAmount(), score, why),
                    (old, fresh) -> old.score().compareTo(fresh.score()) >= 0 ? old : fresh);
        }

        /** Settles the given invoices; the confidence may depend on how well the amount fits them. */
        Optional<Proposal> settle(List<OpenItem> items, Function<Fit, BigDecimal> confidenceOfFit) {
            if (!items.stream().allMatch(item -> item.currency().equals(payment.currency()))) {
                reasons.add("the invoices are in another currency than the payment");
                return Optional.empty();
            }
            Settlement settlement = Settlement.of(payment.amount(), items, payment.valueDate(), policy);
            BigDecimal confidence = confidenceOfFit.apply(settlement.fit());
            reasons.add("the amount " + settlement.fit().explanation);
            items.forEach(item -> consider(item, confidence, "proposed"));
            return Optional.of(new Proposal(
                    items.get(0).customerId(),
                    settlement.allocations(),
                    settlement.unapplied(),
                    confidence.setScale(3, RoundingMode.HALF_UP),
                    List.copyOf(reasons),
                    ranked()));
        }

        Proposal askClerk() {
            book.withOpenAmount(payment.amount()).stream()
                    .limit(MAX_CANDIDATES)
                    .forEach(item -> consider(item, new BigDecimal("0.40"), "open amount equals the payment"));
            reasons.add(
                    payerCustomer == null ? "the payer is unknown" : "no invoice of the payer can be chosen safely");
            return new Proposal(
                    payerCustomer,
                    List.of(),
                    payment.amount(),
                    BigDecimal.ZERO.setScale(3),
                    List.copyOf(reasons),
                    ranked());
        }

        private List<Candidate> ranked() {
            return candidates.values().stream()
                    .sorted(Comparator.comparing(Candidate::score).reversed().thenComparing(Candidate::invoiceId))
                    .limit(MAX_CANDIDATES)
                    .toList();
        }
    }
}
