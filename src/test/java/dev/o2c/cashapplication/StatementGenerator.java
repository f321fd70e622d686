package dev.o2c.cashapplication;

import dev.o2c.bankstatements.CamtWriter;
import dev.o2c.billing.CreditorReference;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic but realistic receivables and a bank statement paying them, with the truth about every line: which
 * customer paid which invoices. Payers quote references, numbers (also mistyped or several at once), nothing at all,
 * pay part, take discounts, short-pay bank charges, overpay; some are strangers.
 */
public final class StatementGenerator {

    public enum Kind {
        REFERENCE,
        NUMBER,
        TYPO,
        SEVERAL,
        PARTIAL,
        DISCOUNT,
        SHORT,
        ACCOUNT_ONLY,
        OVERPAID,
        NAME_ONLY,
        UNKNOWN
    }

    /** Share of each kind, in percent. */
    private static final int[] MIX = {35, 10, 8, 4, 7, 6, 5, 10, 5, 3, 7};

    private static final String[] FIRST = {
        "Nord", "Sued", "Ost", "West", "Alpen", "Rhein", "Elb", "Main", "Isar", "Donau", "Hansa", "Berg", "Tal", "See",
        "Wald", "Feld", "Stein", "Eisen", "Kupfer", "Silber", "Gold", "Blau", "Gruen", "Rot", "Weiss", "Schwarz",
        "Sonnen", "Mond", "Stern", "Licht"
    };
    private static final String[] SECOND = {
        "wind",
        "stahl",
        "bau",
        "tech",
        "logistik",
        "handel",
        "werk",
        "form",
        "druck",
        "glas",
        "holz",
        "metall",
        "plast",
        "chemie",
        "pharma",
        "textil",
        "moebel",
        "elektro",
        "energie",
        "daten",
        "medien",
        "transport",
        "agrar",
        "food",
        "bike",
        "auto",
        "optik",
        "akustik",
        "papier",
        "keramik"
    };
    private static final String[] THIRD = {
        "Berlin",
        "Hamburg",
        "Muenchen",
        "Koeln",
        "Frankfurt",
        "Stuttgart",
        "Dresden",
        "Leipzig",
        "Bremen",
        "Hannover",
        "Nuernberg",
        "Essen",
        "Bonn",
        "Kiel",
        "Ulm",
        "Jena",
        "Trier",
        "Passau",
        "Aachen",
        "Mainz",
        "Lyon",
        "Wien",
        "Graz",
        "Zuerich",
        "Basel",
        "Prag",
        "Lille",
        "Gent",
        "Brno",
        "Linz"
    };
    private static final String[] LEGAL = {"GmbH", "AG", "KG", "GmbH & Co. KG", "Ltd", "SE"};

    public record Truth(Kind kind, Long customerId, Set<Long> invoiceIds) {}

    public record Generated(List<OpenItem> invoices, List<Payer> payers, byte[] statement, List<Truth> truths) {}

    private final Random random;
    private final LocalDate today;

    public StatementGenerator(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    public Generated generate(int entries) {
        int customerCount = Math.max(1, entries / 5);
        List<Payer> payers = new ArrayList<>();
        boolean[] discountTerms = new boolean[customerCount + 1];
        for (int id = 1; id <= customerCount; id++) {
            int n = id - 1;
            String name = FIRST[n % 30] + SECOND[(n / 30) % 30] + " " + THIRD[(n / 900) % 30] + " "
                    + (n >= 27000 ? n / 27000 + " " : "") + LEGAL[n % LEGAL.length];
            payers.add(new Payer(
                    id,
                    name,
                    dev.o2c.platform.money.Iban.of("DE", "%018d".formatted(370400440000000000L + id)),
                    "EUR"));
            discountTerms[id] = random.nextInt(10) < 3;
        }
        List<OpenItem> invoices = new ArrayList<>();
        List<List<OpenItem>> byCustomer = new ArrayList<>();
        for (int id = 0; id <= customerCount; id++) {
            byCustomer.add(new ArrayList<>());
        }
        for (int sequence = 1; sequence <= entries; sequence++) {
            long customer = 1 + random.nextInt(customerCount);
            LocalDate issued = today.minusDays(discountTerms[(int) customer] ? random.nextInt(9) : random.nextInt(45));
            BigDecimal total = BigDecimal.valueOf(5_000 + random.nextInt(1_995_000), 2);
            String number = "INV-2026-%06d".formatted(sequence);
            OpenItem item = new OpenItem(
                    sequence,
                    number,
                    CreditorReference.forInvoiceNumber(number),
                    customer,
                    "EUR",
                    total,
                    total,
                    discountTerms[(int) customer] ? issued.plusDays(10) : null,
                    discountTerms[(int) customer] ? new BigDecimal("0.0200") : BigDecimal.ZERO);
            invoices.add(item);
            byCustomer.get((int) customer).add(item);
        }
        List<OpenItem> unused = new ArrayList<>(invoices);
        java.util.Collections.shuffle(unused, random);
        Set<Long> used = new java.util.HashSet<>();
        CamtWriter writer = new CamtWriter("BENCH-" + entries, "BENCH-STMT-" + entries);
        List<Truth> truths = new ArrayList<>();
        int cursor = 0;
        for (int line = 0; line < entries; line++) {
            Kind kind = pick();
            if (kind == Kind.UNKNOWN) {
                writer.credit(new CamtWriter.Credit(
                        BigDecimal.valueOf(1_000 + random.nextInt(500_000), 2),
                        "EUR",
                        today,
                        "Private payer " + random.nextInt(1_000_000),
                        dev.o2c.platform.money.Iban.of(
                                "FR", "%023d".formatted(Math.abs(random.nextLong()) % 100000000000000000L)),
                        null,
                        random.nextBoolean() ? "thank you" : null));
                truths.add(new Truth(kind, null, Set.of()));
                continue;
            }
            while (cursor < unused.size() && used.contains(unused.get(cursor).invoiceId())) {
                cursor++;
            }
            if (cursor >= unused.size()) {
                break;
            }
            OpenItem invoice = unused.get(cursor);
            if (kind == Kind.DISCOUNT
                    && (invoice.discountDate() == null || invoice.discountDate().isBefore(today))) {
                kind = Kind.REFERENCE;
            }
            Payer payer = payers.get((int) invoice.customerId() - 1);
            List<OpenItem> paid = new ArrayList<>(List.of(invoice));
            if (kind == Kind.SEVERAL) {
                byCustomer.get((int) invoice.customerId()).stream()
                        .filter(other -> other != invoice && !used.contains(other.invoiceId()))
                        .limit(1 + random.nextInt(2))
                        .forEach(paid::add);
                if (paid.size() == 1) {
                    kind = Kind.NUMBER;
                }
            }
            paid.forEach(item -> used.add(item.invoiceId()));
            // One payer in five pays from an account we do not know.
            String iban = kind == Kind.NAME_ONLY || random.nextInt(5) == 0 ? null : payer.iban();
            String name = payer.name().toUpperCase();
            BigDecimal owed = paid.stream().map(OpenItem::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            CamtWriter.Credit credit =
                    switch (kind) {
                        case REFERENCE -> credit(owed, name, iban, invoice.creditorReference(), null);
                        case NUMBER ->
                            credit(
                                    owed,
                                    name,
                                    iban,
                                    null,
                                    "Invoice " + invoice.number() + " customer " + payer.customerId());
                        case TYPO -> credit(owed, name, iban, null, "Rechnung " + mistype(invoice.number()));
                        case SEVERAL ->
                            credit(
                                    owed,
                                    name,
                                    iban,
                                    null,
                                    "Invoices "
                                            + String.join(
                                                    " ",
                                                    paid.stream()
                                                            .map(item -> item.number()
                                                                    .replace("INV-", "")
                                                                    .replace("-", "/"))
                                                            .toList()));
                        case PARTIAL ->
                            credit(
                                    owed.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN),
                                    name,
                                    iban,
                                    invoice.creditorReference(),
                                    "first instalment");
                        case DISCOUNT ->
                            credit(
                                    owed.subtract(invoice.discountOn(today, 0)),
                                    name,
                                    iban,
                                    invoice.creditorReference(),
                                    "less 2% discount");
                        case SHORT ->
                            credit(
                                    owed.subtract(BigDecimal.valueOf(50 + random.nextInt(400), 2)),
                                    name,
                                    iban,
                                    invoice.creditorReference(),
                                    "less bank charges");
                        case ACCOUNT_ONLY ->
                            credit(owed, name, payer.iban(), null, random.nextBoolean() ? "Payment" : null);
                        case OVERPAID ->
                            credit(
                                    owed.add(BigDecimal.valueOf(100 + random.nextInt(10_000), 2)),
                                    name,
                                    iban,
                                    invoice.creditorReference(),
                                    null);
                        case NAME_ONLY -> credit(owed, payer.name(), null, null, null);
                        case UNKNOWN -> throw new IllegalStateException();
                    };
            writer.credit(credit);
            truths.add(new Truth(
                    kind,
                    payer.customerId(),
                    new LinkedHashSet<>(paid.stream().map(OpenItem::invoiceId).toList())));
        }
        return new Generated(invoices, payers, writer.bytes(), truths);
    }

    private CamtWriter.Credit credit(BigDecimal amount, String name, String iban, String reference, String text) {
        return new CamtWriter.Credit(amount, "EUR", today, name, iban, reference, text);
    }

    /** One slip of the finger in the sequence digits: a wrong digit or two swapped. */
    private String mistype(String number) {
        char[] digits = number.toCharArray();
        int position = number.length() - 1 - random.nextInt(5);
        if (random.nextBoolean() && digits[position] != digits[position - 1]) {
            char swap = digits[position];
            digits[position] = digits[position - 1];
            digits[position - 1] = swap;
        } else {
            digits[position] = (char) ('0' + (digits[position] - '0' + 1 + random.nextInt(9)) % 10);
        }
        return new String(digits);
    }

    private Kind pick() {
        int roll = random.nextInt(100);
        for (int i = 0; i < MIX.length; i++) {
            roll -= MIX[i];
            if (roll < 0) {
                return Kind.values()[i];
            }
        }
        return Kind.REFERENCE;
    }
}
