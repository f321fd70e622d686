package dev.o2c.cashapplication;

import dev.o2c.billing.CreditorReference;
import dev.o2c.cashapplication.MatchingPolicy.Weights;
import dev.o2c.cashapplication.Proposal.Candidate;
import dev.o2c.cashapplication.Settlement.Fit;
import dev.o2c.platform.text.Texts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cash application by weighing all the evidence together, as a careful clerk does. Candidates are single open
 * invoices or small combinations of one customer's open invoices: those the payment refers to (ISO 11649 creditor
 * reference, invoice numbers written exactly, without separators, or one typo or transposition away), and those of the
 * identified payer whose amounts fit. Each candidate collects evidence: how it is referred to, how the amount fits it,
 * whether the payer is its customer, and whether it is the only one of the customer's open items the amount settles.
 * The weights (in {@link MatchingPolicy.Weights}) add up to one confidence per candidate. The best is posted without a
 * clerk only when it reaches the policy's confidence and is clearly ahead of the next; otherwise a clerk sees the
 * candidates. Pure and stateless: the same payment and book always give the same proposal.
 */
public final class CashMatcher {

    private static final Pattern REFERENCE_IN_TEXT = Pattern.compile("R\\s?F\\s?\\d{2}(?:\\s?[A-Z0-9]){1,21}");
    private static final int MAX_CANDIDATES = 8;
    private static final int MAX_COMBINATION_POOL = 25;
    private static final int MAX_REFERENCED_PER_CUSTOMER = 8;
    /** Enough to know whether a fit is the only one; a search never needs to list more. */
    private static final int ENOUGH_FITS = 3;

    /** What the audit record keeps of the joined reasons, and what one reason may take of it. */
    private static final int REASONS_LENGTH = 1000;

    private static final int MAX_REASON_LENGTH = 450;
    private static final BigDecimal CEILING = new BigDecimal("0.99");

    private final MatchingPolicy policy;
    private final Weights weights;

    public CashMatcher(MatchingPolicy policy) {
        this.policy = policy;
        this.weights = policy.weights();
    }

    public Proposal match(IncomingPayment payment, OpenItemBook book) {
        Run run = new Run(payment, book);
        run.identifyPayer();
        run.byReferences();
        run.byPayerAndAmount();
        run.byAmountAlone();
        return run.decide();
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
                List.of(),
                false);
    }

    /**
     * A clerk's choice of one invoice the payment is short of, whose shortfall the customer disputes: applied as a
     * partial payment, nothing written off as a deduction or discount; what stays open is for the dispute.
     */
    public Proposal settleShortAsDisputed(IncomingPayment payment, long customerId, OpenItem invoice, String clerk) {
        if (payment.amount().compareTo(invoice.openAmount()) >= 0) {
            throw new IllegalArgumentException(
                    payment.amount() + " is not short of " + invoice.number() + " (open " + invoice.openAmount() + ")");
        }
        Settlement settlement = Settlement.partial(payment.amount(), List.of(invoice));
        return new Proposal(
                customerId,
                settlement.allocations(),
                settlement.unapplied(),
                BigDecimal.ONE.setScale(3),
                List.of(
                        "chosen by " + clerk + ": applied to " + invoice.number(),
                        "the amount " + settlement.fit().explanation + "; the customer disputes the shortfall of "
                                + invoice.openAmount().subtract(payment.amount())),
                List.of(),
                false);
    }

    /** What one piece of evidence adds, and how a person would say it. */
    private record Clue(BigDecimal weight, String says) {}

    /** How the payment refers to a candidate. */
    private enum Named {
        /** An ISO 11649 creditor reference whose check digits rule out a slip. */
        CREDITOR_REFERENCE,
        /** Its invoice number (or all of them) written exactly. */
        AS_WRITTEN,
        /** Its invoice number (or one of them) written without prefix, separators or zeros. */
        WITHOUT_SEPARATORS,
        /** A number one typo or transposition from its invoice number. */
        TYPO,
        /** The text names some of the invoices of a combination the amount settles. */
        PART_OF_COMBINATION
    }

    /** A candidate: a set of one customer's open invoices, with the evidence for it. */
    private final class Option {
        final List<OpenItem> items;
        final long customerId;
        Clue reference;
        /** How the strongest reference refers to it; null when nothing does. */
        Named how;
        /** Referred to by an ISO 11649 creditor reference, whose check digits rule out a slip. */
        boolean byCreditorReference;

        boolean onlyFit;
        Settlement settlement;
        /** The evidence added up, uncapped: what ranks candidates and measures how far ahead the best one is. */
        BigDecimal evidence;
        /** The evidence capped at 0.99: what the clerk sees and the threshold is compared with. */
        BigDecimal confidence;

        String why;

        Option(List<OpenItem> items) {
            this.items = items.stream()
                    .sorted(Comparator.comparingLong(OpenItem::invoiceId))
                    .toList();
            this.customerId = items.get(0).customerId();
        }

        void referred(Clue clue, Named how) {
            if (reference == null || clue.weight().compareTo(reference.weight()) > 0) {
                reference = clue;
                this.how = how;
            }
        }

        boolean byTypo() {
            return how == Named.TYPO;
        }

        /** The amount settles it in full without writing anything off: exactly, or less the discount the terms allow. */
        boolean settlesExactly() {
            return settlement.fit() == Fit.EXACT || settlement.fit() == Fit.DISCOUNT;
        }
    }

    /** Everything known about one payment while it is matched. */
    private final class Run {

        final IncomingPayment payment;
        final OpenItemBook book;
        final List<String> notes = new ArrayList<>();
        final Map<List<Long>, Option> options = new LinkedHashMap<>();
        /** Customers the payer may be, with the strongest clue for each, strongest first. */
        final Map<Long, Clue> payers = new LinkedHashMap<>();
        /** Customers identified by an account (their own or learned) or a learned name, not just by a name. */
        final java.util.Set<Long> firmlyIdentified = new java.util.HashSet<>();
        /** Invoices the payment names by creditor reference or by their number (not by a typo). */
        final List<OpenItem> named = new ArrayList<>();
        /** Customers the debtor name only abbreviates ("NORDW. BERL."), one at most. */
        final java.util.Set<Long> abbreviated = new java.util.HashSet<>();

        Run(IncomingPayment payment, OpenItemBook book) {
            this.payment = payment;
            this.book = book;
        }

        void identifyPayer() {
            String iban = payment.debtorIban();
            String name = payment.debtorName();
            book.customerWithIban(iban)
                    .ifPresent(
                            id -> firmly(payer(id, weights.payerIban(), "IBAN " + iban + " known for customer " + id)));
            book.learnedIban(iban)
                    .ifPresent(id -> firmly(payer(
                            id, weights.payerLearned(), "IBAN " + iban + " learned from a clerk for customer " + id)));
            book.learnedName(name)
                    .ifPresent(id -> firmly(payer(
                            id,
                            weights.payerLearned(),
                            "name '" + name + "' learned from a clerk for customer " + id)));
            List<Long> named = book.customersNamed(name);
            if (named.size() == 1) {
                payer(named.get(0), weights.payerName(), "name '" + name + "' is customer " + named.get(0) + "'s");
            } else if (named.size() > 1) {
                notes.add("the name '" + name + "' is shared by " + named.size() + " customers");
            } else if (name != null) {
                List<Long> similar = book.customersSimilarTo(name);
                if (similar.size() == 1) {
                    long id = similar.get(0);
                    boolean cutOff = !name.contains(".")
                            && book.payer(id)
                                    .map(known ->
                                            PayerNames.normalize(known.name()).startsWith(PayerNames.normalize(name)))
                                    .orElse(false);
                    // Banks cut long names to a fixed length: the start of exactly one customer's name is that name
                    // (an abbreviation, "NORDW. LOG.", is only similar).
                    Long similarTo = payer(
                            id,
                            cutOff ? weights.payerName() : weights.payerNameSimilar(),
                            cutOff
                                    ? "name '" + name + "' is customer " + id + "'s, cut off"
                                    : "name '" + name + "' similar to customer " + id + "'s");
                    if (similarTo != null && !cutOff) {
                        abbreviated.add(similarTo);
                    }
                } else if (similar.isEmpty()) {
                    // Cut off inside its legal form ("NORDBAU BERLIN G"): the rest is exactly one customer's name.
                    String whole = PayerNames.withoutCutLegalForm(name);
                    List<Long> cutInForm = whole == null ? List.of() : book.customersNamed(whole);
                    if (cutInForm.size() == 1) {
                        long id = cutInForm.get(0);
                        payer(id, weights.payerName(), "name '" + name + "' is customer " + id + "'s, cut off");
                    }
                }
            }
        }

        /** Records a clue to the payer; the customer, or null when the customer is billed in another currency. */
        private Long payer(long customerId, BigDecimal weight, String says) {
            Optional<Payer> known = book.payer(customerId);
            if (known.isPresent() && !known.get().currency().equals(payment.currency())) {
                notes.add(
                        says + ", but the customer is billed in " + known.get().currency());
                return null;
            }
            Clue clue = payers.get(customerId);
            if (clue == null || weight.compareTo(clue.weight()) > 0) {
                payers.put(customerId, new Clue(weight, says));
            }
            return customerId;
        }

        private void firmly(Long customerId) {
            if (customerId != null) {
                firmlyIdentified.add(customerId);
            }
        }

        /** The strongest payer clue, if the payer is identified at all. */
        Optional<Map.Entry<Long, Clue>> strongestPayer() {
            return payers.entrySet().stream()
                    .max(Comparator.comparing(entry -> entry.getValue().weight()));
        }

        void byReferences() {
            Map<Long, Map<Long, OpenItem>> referencedByCustomer = new LinkedHashMap<>();
            Optional<String> reference = CreditorReference.parse(payment.creditorReference())
                    .or(() -> referenceInText(payment.remittanceText()));
            if (reference.isPresent()) {
                Optional<OpenItem> invoice = book.byReference(reference.get());
                if (invoice.isPresent()) {
                    option(List.of(invoice.get())).byCreditorReference = true;
                    refer(
                            invoice.get(),
                            new Clue(
                                    weights.creditorReference(),
                                    "reference " + reference.get() + " is invoice "
                                            + invoice.get().number()),
                            referencedByCustomer,
                            Named.CREDITOR_REFERENCE);
                } else {
                    notes.add("creditor reference " + reference.get() + " names no open invoice");
                }
            } else if (payment.creditorReference() != null) {
                notes.add("creditor reference " + payment.creditorReference() + " fails its ISO 11649 check");
            }
            String text = payment.remittanceText() == null
                    ? ""
                    : payment.remittanceText().toUpperCase(Locale.ROOT);
            InvoiceNumberIndex.Hits hits = book.invoiceNumbersIn(payment.remittanceText());
            for (OpenItem item : hits.exact()) {
                boolean literally = text.contains(item.number());
                refer(
                        item,
                        literally
                                ? new Clue(weights.invoiceNumberExact(), "invoice number " + item.number() + " exact")
                                : new Clue(
                                        weights.invoiceNumberNormalised(),
                                        "invoice number " + item.number() + " written without its separators"),
                        referencedByCustomer,
                        literally ? Named.AS_WRITTEN : Named.WITHOUT_SEPARATORS);
            }
            for (OpenItem item : hits.oneTypoAway()) {
                // With dense numbering most numbers have open neighbours one typo away: only those the payer or the
                // amount points to are worth weighing (this keeps the matcher fast and the clerk's list short).
                if (!payers.containsKey(item.customerId())
                        && !settlement(List.of(item)).fit().settlesInFull()) {
                    continue;
                }
                option(List.of(item))
                        .referred(
                                new Clue(
                                        weights.invoiceNumberTypo(),
                                        "invoice number " + item.number() + " one typo or transposition from the text"),
                                Named.TYPO);
            }
            // Several invoices of one customer named together: the combinations of them that the amount settles.
            referencedByCustomer.values().stream()
                    .filter(named -> named.size() > 1)
                    .forEach(named -> {
                        List<OpenItem> together = named.values().stream()
                                .limit(MAX_REFERENCED_PER_CUSTOMER)
                                .toList();
                        List<List<OpenItem>> sets = new ArrayList<>(fittingSets(together));
                        sets.add(together);
                        for (List<OpenItem> set : sets) {
                            BigDecimal weakest = set.stream()
                                    .map(item -> option(List.of(item)).reference.weight())
                                    .min(Comparator.naturalOrder())
                                    .orElseThrow();
                            Named how =
                                    set.stream().anyMatch(item -> option(List.of(item)).how == Named.WITHOUT_SEPARATORS)
                                            ? Named.WITHOUT_SEPARATORS
                                            : Named.AS_WRITTEN;
                            option(set)
                                    .referred(
                                            new Clue(
                                                    weakest,
                                                    String.join(
                                                            ", ",
                                                            set.stream()
                                                                    .map(item -> option(List.of(item))
                                                                            .reference
                                                                            .says())
                                                                    .toList())),
                                            how);
                        }
                    });
        }

        private void refer(OpenItem item, Clue clue, Map<Long, Map<Long, OpenItem>> referencedByCustomer, Named how) {
            option(List.of(item)).referred(clue, how);
            named.add(item);
            referencedByCustomer
                    .computeIfAbsent(item.customerId(), customer -> new LinkedHashMap<>())
                    .put(item.invoiceId(), item);
        }

        /** For each customer the payer may be: the open items and small combinations the amount settles. */
        void byPayerAndAmount() {
            for (long customerId : payers.keySet()) {
                List<OpenItem> open = book.openOf(customerId);
                List<List<OpenItem>> fits = new ArrayList<>();
                for (OpenItem item : open) {
                    Fit fit = settlement(List.of(item)).fit();
                    if (fit == Fit.EXACT || fit == Fit.DISCOUNT) {
                        fits.add(List.of(item));
                    } else if (fit == Fit.DEDUCTION) {
                        // Shown, not counted as a fit: writing off a shortfall needs a reference to the invoice.
                        option(List.of(item));
                    }
                }
                List<OpenItem> pool = open.stream()
                        .filter(item -> item.openAmount().compareTo(payment.amount()) < 0)
                        .limit(MAX_COMBINATION_POOL)
                        .toList();
                fits.addAll(fittingSets(pool));
                List<OpenItem> namedHere = named.stream()
                        .filter(item -> item.customerId() == customerId)
                        .toList();
                for (List<OpenItem> set : fits) {
                    Option option = option(set);
                    if (set.size() > 1 && !namedHere.isEmpty() && set.containsAll(namedHere)) {
                        // The text names part of the combination (the rest unreadable or left out).
                        option.referred(
                                new Clue(
                                        weights.namedInCombination(),
                                        "the text names " + numbers(namedHere) + " of these"),
                                Named.PART_OF_COMBINATION);
                    }
                }
                if (fits.size() == 1) {
                    option(fits.get(0)).onlyFit = true;
                } else if (fits.isEmpty() && !open.isEmpty()) {
                    // Shown to a clerk, not posted: the payer's open items, none of which the amount settles.
                    open.stream().limit(MAX_CANDIDATES).forEach(item -> option(List.of(item)));
                    BigDecimal owed = open.stream().map(OpenItem::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
                    if (payment.amount().compareTo(owed) > 0) {
                        option(open.size() <= MAX_COMBINATION_POOL ? open : open.subList(0, MAX_COMBINATION_POOL));
                    }
                }
            }
        }

        /** A stranger's payment without a usable reference: invoices of exactly this amount, for a clerk to see. */
        void byAmountAlone() {
            if (payers.isEmpty() && options.isEmpty()) {
                book.withOpenAmount(payment.amount()).stream()
                        .limit(MAX_CANDIDATES)
                        .forEach(item -> option(List.of(item)));
            }
        }

        Option option(List<OpenItem> items) {
            List<Long> key = items.stream().map(OpenItem::invoiceId).sorted().toList();
            return options.computeIfAbsent(key, ignored -> new Option(items));
        }

        Settlement settlement(List<OpenItem> items) {
            return Settlement.of(payment.amount(), items, payment.valueDate(), policy);
        }

        /**
         * Sets of two or more of the given items (up to the policy's size) whose open amounts, or open amounts less the
         * discount the terms allow, add up to the payment exactly.
         */
        List<List<OpenItem>> fittingSets(List<OpenItem> pool) {
            long target = cents(payment.amount());
            long[] gross = new long[pool.size()];
            long[] net = new long[pool.size()];
            boolean discounts = false;
            for (int i = 0; i < pool.size(); i++) {
                OpenItem item = pool.get(i);
                gross[i] = cents(item.openAmount());
                BigDecimal discount = item.discountOn(payment.valueDate(), policy.discountGraceDays());
                net[i] = cents(item.openAmount().subtract(discount));
                discounts |= discount.signum() > 0;
            }
            List<List<OpenItem>> found = new ArrayList<>();
            search(pool, gross, 0, target, new ArrayList<>(), found);
            if (discounts) {
                search(pool, net, 0, target, new ArrayList<>(), found);
            }
            return found.stream().distinct().toList();
        }

        private void search(
                List<OpenItem> pool,
                long[] amounts,
                int from,
                long left,
                List<OpenItem> chosen,
                List<List<OpenItem>> found) {
            if (found.size() >= ENOUGH_FITS) {
                return;
            }
            if (left == 0 && chosen.size() >= 2) {
                found.add(List.copyOf(chosen));
                return;
            }
            if (chosen.size() == policy.maxInvoicesPerCombination() || left <= 0) {
                return;
            }
            for (int i = from; i < pool.size(); i++) {
                chosen.add(pool.get(i));
                search(pool, amounts, i + 1, left - amounts[i], chosen, found);
                chosen.remove(chosen.size() - 1);
            }
        }

        Proposal decide() {
            List<Option> ranked = new ArrayList<>();
            boolean otherCurrency = false;
            // Every candidate's fit first: some evidence depends on how the amount fits the others.
            options.values().forEach(option -> option.settlement = settlement(option.items));
            for (Option option : options.values()) {
                if (option.items.stream().allMatch(item -> item.currency().equals(payment.currency()))) {
                    weigh(option);
                    ranked.add(option);
                } else {
                    otherCurrency = true;
                }
            }
            if (otherCurrency) {
                notes.add("the invoices are in another currency than the payment");
            }
            ranked.sort(Comparator.comparing((Option option) -> option.evidence)
                    .reversed()
                    .thenComparingInt(option -> option.items.size())
                    .thenComparingLong(option -> option.items.get(0).invoiceId()));
            List<Candidate> candidates = ranked.stream()
                    .limit(MAX_CANDIDATES)
                    .map(CashMatcher::candidate)
                    .toList();
            Long payer = strongestPayer().map(Map.Entry::getKey).orElse(null);
            if (ranked.isEmpty()) {
                return new Proposal(
                        payer,
                        List.of(),
                        payment.amount(),
                        zero(),
                        readable(
                                "to a clerk: nothing to propose",
                                payer == null
                                        ? "the payer is unknown"
                                        : "no open invoice of customer " + payer + " fits",
                                null),
                        candidates,
                        false);
            }
            Option best = ranked.get(0);
            Option next = ranked.size() > 1 ? ranked.get(1) : null;
            String why = numbers(best.items) + ": " + best.why + " -> confidence " + best.confidence;
            String nextOne = next == null
                    ? null
                    : "next: " + numbers(next.items) + " at " + next.confidence + " (evidence " + best.evidence
                            + " against " + next.evidence + ")";
            if (payer == null && best.reference == null) {
                notes.add("the payer is unknown");
            }
            boolean ahead = policy.clearlyAhead(best.evidence, next == null ? null : next.evidence);
            boolean confident = policy.autoPosts(best.confidence);
            if (!ahead) {
                boolean oneCustomer = best.customerId == next.customerId;
                return new Proposal(
                        oneCustomer ? Long.valueOf(best.customerId) : payer,
                        List.of(),
                        payment.amount(),
                        best.confidence,
                        readable(
                                why,
                                "to a clerk: " + numbers(best.items) + " and " + numbers(next.items)
                                        + " fit about equally well",
                                nextOne),
                        candidates,
                        false);
            }
            String belowThreshold =
                    "to a clerk: confidence " + best.confidence + " below " + policy.autoPostConfidence();
            if (!confident && best.reference == null && !payers.containsKey(best.customerId)) {
                // The amount alone says nothing about who paid: shown as a candidate, not proposed.
                return new Proposal(
                        payer,
                        List.of(),
                        payment.amount(),
                        best.confidence,
                        readable(why, belowThreshold, nextOne),
                        candidates,
                        false);
            }
            String decision = confident
                    ? "posted automatically: confidence " + best.confidence + " reaches " + policy.autoPostConfidence()
                            + " and is clearly ahead"
                    : belowThreshold;
            return new Proposal(
                    best.customerId,
                    best.settlement.allocations(),
                    best.settlement.unapplied(),
                    best.confidence,
                    readable(why, decision, nextOne),
                    candidates,
                    confident);
        }

        /**
         * The reasons in the order a clerk reads them: the best candidate's evidence, the decision, the runner-up, then
         * anything else noticed. Joined with "; " they stay within {@link #REASONS_LENGTH} characters (the audit
         * record's reason column), because names and texts from the bank can be long.
         */
        private List<String> readable(String why, String decision, String nextOne) {
            List<String> reasons = new ArrayList<>();
            reasons.add(why);
            reasons.add(decision);
            if (nextOne != null) {
                reasons.add(nextOne);
            }
            reasons.addAll(notes);
            List<String> fitted = new ArrayList<>();
            int left = REASONS_LENGTH;
            for (String reason : reasons) {
                int room = Math.min(left, reason == decision ? reason.length() : MAX_REASON_LENGTH);
                if (room < 20) {
                    break;
                }
                String kept = Texts.fit(reason, room);
                fitted.add(kept);
                left -= kept.length() + 2;
            }
            return List.copyOf(fitted);
        }

        /** Adds up the evidence for one candidate. */
        private void weigh(Option option) {
            List<String> says = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            if (option.reference != null) {
                sum = sum.add(option.reference.weight());
                says.add(option.reference.says());
            }
            boolean onlyNamed = partOfTheOnlyNamedInvoice(option);
            Clue amount = amountClue(option, onlyNamed);
            sum = sum.add(amount.weight());
            says.add(amount.says());
            Clue payer = payers.get(option.customerId);
            if (payer != null) {
                sum = sum.add(payer.weight());
                says.add(payer.says());
            } else {
                Optional<Map.Entry<Long, Clue>> other = strongestPayer();
                if (other.isPresent() && firmlyIdentified.contains(other.get().getKey())) {
                    sum = sum.add(weights.payerContradicts());
                    says.add("but the payer is customer " + other.get().getKey() + " ("
                            + other.get().getValue().says() + "), not customer " + option.customerId);
                } else if (other.isPresent()) {
                    says.add("payer not confirmed (" + other.get().getValue().says() + ")");
                } else {
                    says.add("payer not identified");
                }
            }
            if (option.byTypo()) {
                // The text names another open invoice of the same customer as written: the typo reading competes with
                // it.
                named.stream()
                        .filter(item -> item.customerId() == option.customerId && !option.items.contains(item))
                        .findFirst()
                        .ifPresent(item -> says.add("but the text names " + item.number() + " as written"));
                if (named.stream()
                        .anyMatch(item -> item.customerId() == option.customerId && !option.items.contains(item))) {
                    sum = sum.add(weights.typoOfNamedInvoice());
                }
            }
            if (option.onlyFit) {
                sum = sum.add(weights.onlyFit());
                says.add("the only open item or combination of customer " + option.customerId
                        + " that the amount settles");
            }
            // Evidence combined as a careful clerk does when the payer does not confirm the candidate.
            if (option.how == Named.WITHOUT_SEPARATORS && option.settlesExactly()) {
                sum = sum.add(weights.amountConfirmsNumber());
                says.add("the amount confirms the number written without separators");
            }
            if (typoSinglesOut(option)) {
                sum = sum.add(weights.amountSinglesOutTypo());
                says.add("the amount singles out " + numbers(option.items)
                        + ": no other invoice one typo from the text is open for it, and the text names no other"
                        + " invoice of this customer or the payer's");
            }
            if (onlyNamed) {
                sum = sum.add(weights.partialOfTheOnlyNamedInvoice());
                says.add("the payment names only " + numbers(option.items)
                        + " and no other open item fits the amount: "
                        + (option.settlement.fit() == Fit.PARTIAL
                                ? "a part payment of it"
                                : "the shortfall is written off"));
            }
            if (similarNameConfirmedByAmount(option)) {
                sum = sum.add(weights.amountConfirmsSimilarName());
                says.add("no other customer has " + payment.amount() + " open");
            }
            option.evidence = sum;
            option.confidence = sum.max(BigDecimal.ZERO).min(CEILING).setScale(3, RoundingMode.HALF_UP);
            option.why = String.join("; ", says);
        }

        /**
         * A one-typo reading the amount singles out: the amount settles exactly this invoice, no other reading one typo
         * from the text fits the amount, and no invoice the text names as written is a likely reading instead: none of
         * this customer or of a customer the payer may be, and none the amount could pay (in full, in part, or a
         * little more). A typo that lands on another customer's real invoice far below the amount is still read as the
         * typo the amount points to; one the amount could be a part payment of is left to a clerk.
         */
        private boolean typoSinglesOut(Option option) {
            return option.byTypo()
                    && option.items.size() == 1
                    && option.settlesExactly()
                    && options.values().stream()
                            .noneMatch(other -> other != option
                                    && other.byTypo()
                                    && other.settlement.fit().settlesInFull())
                    && named.stream()
                            .filter(item -> !option.items.contains(item))
                            .noneMatch(item -> item.customerId() == option.customerId
                                    || payers.containsKey(item.customerId())
                                    || !farMore(settlement(List.of(item))));
        }

        /**
         * More than a tenth above what the invoices have open: something else is paid as well. Never so when the
         * amount settles them or pays part of them.
         */
        private static boolean farMore(Settlement settlement) {
            BigDecimal owed = settlement.allocations().stream()
                    .map(Proposal.PlannedAllocation::paid)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            return settlement.unapplied().compareTo(owed.movePointLeft(1)) > 0;
        }

        /**
         * A part payment (or one short within the tolerance) of the only invoice the payment names, by a checked
         * creditor reference or its number as written, when the payer is not identified (a payer who is the customer
         * confirms it already; one who is someone else speaks against it) and the amount fits no other open item: not
         * any other candidate, not any other of this customer's invoices (exactly, less discount, short within the
         * tolerance), nor a combination of them, and for a number written as text, whose slip could land on another
         * real invoice, not exactly any open invoice of any customer either (a creditor reference's check digits rule
         * out the slip).
         */
        private boolean partOfTheOnlyNamedInvoice(Option option) {
            Fit fit = option.settlement.fit();
            if (option.items.size() != 1
                    || (option.how != Named.CREDITOR_REFERENCE && option.how != Named.AS_WRITTEN)
                    || (fit != Fit.PARTIAL && fit != Fit.DEDUCTION)
                    || !option.items.containsAll(named)
                    || !payers.isEmpty()
                    || (fit == Fit.DEDUCTION && option.byCreditorReference)
                    || (option.how == Named.AS_WRITTEN
                            && !book.withOpenAmount(payment.amount()).isEmpty())
                    || options.values().stream()
                            .anyMatch(other ->
                                    other != option && other.settlement.fit().settlesInFull())) {
                return false;
            }
            List<OpenItem> open = book.openOf(option.customerId).stream()
                    .filter(item -> !option.items.contains(item))
                    .toList();
            if (open.stream().anyMatch(item -> settlement(List.of(item)).fit().settlesInFull())) {
                return false;
            }
            return fittingSets(open.stream()
                            .filter(item -> item.openAmount().compareTo(payment.amount()) < 0)
                            .limit(MAX_COMBINATION_POOL)
                            .toList())
                    .isEmpty();
        }

        /**
         * A name that only abbreviates one customer's, confirmed by the amount: it settles exactly the only open item
         * or combination of that customer that it fits, and no other customer has that amount open.
         */
        private boolean similarNameConfirmedByAmount(Option option) {
            return abbreviated.contains(option.customerId)
                    && !firmlyIdentified.contains(option.customerId)
                    && option.onlyFit
                    && option.settlesExactly()
                    && book.withOpenAmount(payment.amount()).stream()
                            .allMatch(item -> item.customerId() == option.customerId);
        }

        private Clue amountClue(Option option, boolean onlyNamed) {
            Settlement settlement = option.settlement;
            BigDecimal owed = option.items.stream().map(OpenItem::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            boolean several = option.items.size() > 1;
            return switch (settlement.fit()) {
                case EXACT ->
                    several
                            ? new Clue(weights.amountCombination(), "amount equals the sum of their open amounts")
                            : new Clue(weights.amountExact(), "amount equals the open amount");
                case DISCOUNT -> {
                    OpenItem first = option.items.get(0);
                    yield new Clue(
                            weights.amountDiscount(),
                            "amount equals the open amount less the early-payment discount (paid " + payment.valueDate()
                                    + ", discount until " + first.discountDate() + ")");
                }
                case DEDUCTION ->
                    // A write-off is only as safe as the link to the invoice: a checked reference or the payer.
                    option.byCreditorReference || payers.containsKey(option.customerId)
                            ? new Clue(
                                    weights.amountDeduction(),
                                    "amount short by " + owed.subtract(payment.amount())
                                            + ", within the tolerance: written off as a deduction")
                            : new Clue(
                                    weights.amountPartial(),
                                    "amount short by " + owed.subtract(payment.amount())
                                            + ", within the tolerance, but neither a creditor reference nor the payer"
                                            + " confirms the write-off"
                                            + (onlyNamed ? " on its own" : ""));
                case PARTIAL ->
                    new Clue(
                            weights.amountPartial(),
                            "partial payment: " + payment.amount() + " of " + owed + ", the rest stays open");
                case OVERPAID ->
                    // A little more than is open happens (rounding, a fee paid twice); far more means something else
                    // is paid as well, which the invoices named do not explain.
                    !farMore(settlement)
                            ? new Clue(
                                    weights.amountOverpaid(),
                                    "amount exceeds the open amount by " + settlement.unapplied()
                                            + ", kept as unapplied credit")
                            : new Clue(
                                    BigDecimal.ZERO,
                                    "amount exceeds the open amount by " + settlement.unapplied()
                                            + ", far more than is open");
            };
        }
    }

    private static Candidate candidate(Option option) {
        BigDecimal open = option.items.stream().map(OpenItem::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Candidate(
                option.items.get(0).invoiceId(),
                numbers(option.items),
                option.customerId,
                open,
                option.confidence,
                option.why,
                option.items.stream().map(OpenItem::invoiceId).toList());
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(3);
    }

    private static long cents(BigDecimal amount) {
        return amount.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static Optional<String> referenceInText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = REFERENCE_IN_TEXT.matcher(text.toUpperCase(Locale.ROOT));
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

    private static String numbers(List<OpenItem> items) {
        return String.join(", ", items.stream().map(OpenItem::number).toList());
    }
}
