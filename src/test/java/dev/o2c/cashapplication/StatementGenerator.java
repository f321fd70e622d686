package dev.o2c.cashapplication;

import dev.o2c.bankstatements.CamtWriter;
import dev.o2c.billing.CreditorReference;
import dev.o2c.platform.money.Iban;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic receivables and a bank statement paying them, written the way real payers and banks write: references in
 * the structured field or somewhere in the text, invoice numbers in many spellings or with a slip of the finger,
 * several numbers and the customer's own order numbers in one line, text cut off by the bank, names in capitals,
 * abbreviated or cut, accounts never seen before, part payments, discounts, bank charges, collective payments, no
 * reference at all, and strangers.
 *
 * <p>Every line carries its ground truth: the invoices a careful person with the customer list and the open items
 * would settle, or that such a person could not decide alone (ambiguous: needs a clerk's judgement or a question to
 * the payer). That judgement is made here from what is visible on the line and in the book, by its own rules, without
 * looking at the matcher.
 */
public final class StatementGenerator {

    public enum Kind {
        EXACT_REFERENCE,
        NORMALISED,
        TYPO,
        PARTIAL,
        COMBINATION,
        DISCOUNT,
        SHORT_PAYMENT,
        NO_REFERENCE,
        UNKNOWN_PAYER
    }

    /** Share of each kind, in percent. */
    private static final int[] MIX = {30, 12, 8, 7, 8, 6, 6, 15, 8};

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

    /** Banks commonly keep 35 characters of a remittance line when they re-format it. */
    private static final int CUT_AT = 35;

    /**
     * The truth about one line. {@code settleable}: a careful person would settle exactly {@code invoiceIds} of
     * {@code customerId} without asking anyone; otherwise the line needs a clerk (the customer and invoices are what
     * the generator meant, which the line does not show unambiguously).
     */
    public record Truth(Kind kind, Long customerId, Set<Long> invoiceIds, boolean settleable) {}

    public record Generated(List<OpenItem> invoices, List<Payer> payers, byte[] statement, List<Truth> truths) {}

    private final Random random;
    private final LocalDate today;
    private List<Payer> payers;
    private List<List<OpenItem>> byCustomer;
    private List<OpenItem> invoices;
    private final java.util.Map<String, OpenItem> byDigits = new java.util.HashMap<>();

    public StatementGenerator(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    public Generated generate(int entries) {
        int customerCount = Math.max(1, entries / 5);
        payers = new ArrayList<>();
        boolean[] discountTerms = new boolean[customerCount + 1];
        BigDecimal[] subscription = new BigDecimal[customerCount + 1];
        for (int id = 1; id <= customerCount; id++) {
            int n = id - 1;
            String name = FIRST[n % 30] + SECOND[(n / 30) % 30] + " " + THIRD[(n / 900) % 30] + " "
                    + (n >= 27000 ? n / 27000 + " " : "") + LEGAL[n % LEGAL.length];
            payers.add(new Payer(id, name, Iban.of("DE", "%018d".formatted(370400440000000000L + id)), "EUR"));
            discountTerms[id] = random.nextInt(10) < 3;
            // Some customers are billed the same fee every month: their invoices cannot be told apart by amount.
            subscription[id] = random.nextInt(100) < 12 ? amount() : null;
        }
        invoices = new ArrayList<>();
        byCustomer = new ArrayList<>();
        for (int id = 0; id <= customerCount; id++) {
            byCustomer.add(new ArrayList<>());
        }
        for (int sequence = 1; sequence <= entries; sequence++) {
            int customer = 1 + random.nextInt(customerCount);
            LocalDate issued = today.minusDays(discountTerms[customer] ? random.nextInt(9) : random.nextInt(45));
            BigDecimal total = subscription[customer] != null ? subscription[customer] : amount();
            String number = "INV-2026-%06d".formatted(sequence);
            OpenItem item = new OpenItem(
                    sequence,
                    number,
                    CreditorReference.forInvoiceNumber(number),
                    customer,
                    "EUR",
                    total,
                    total,
                    discountTerms[customer] ? issued.plusDays(10) : null,
                    discountTerms[customer] ? new BigDecimal("0.0200") : BigDecimal.ZERO);
            invoices.add(item);
            byDigits.put(number.replaceAll("\\D", ""), item);
            byCustomer.get(customer).add(item);
        }
        List<OpenItem> unused = new ArrayList<>(invoices);
        Collections.shuffle(unused, random);
        Set<Long> used = new HashSet<>();
        CamtWriter writer = new CamtWriter("BENCH-" + entries, "BENCH-STMT-" + entries);
        List<Truth> truths = new ArrayList<>();
        int cursor = 0;
        for (int line = 0; line < entries; line++) {
            Kind kind = pick();
            if (kind == Kind.UNKNOWN_PAYER) {
                // A stranger; one in three happens to pay an amount some customer has open.
                BigDecimal paid = random.nextInt(3) == 0
                        ? invoices.get(random.nextInt(invoices.size())).openAmount()
                        : amount();
                writer.credit(credit(
                        paid,
                        "PRIVATE PAYER " + random.nextInt(1_000_000),
                        newIban(),
                        null,
                        random.nextBoolean() ? "thank you" : null));
                truths.add(new Truth(kind, null, Set.of(), false));
                continue;
            }
            while (cursor < unused.size() && used.contains(unused.get(cursor).invoiceId())) {
                cursor++;
            }
            if (cursor >= unused.size()) {
                break;
            }
            OpenItem invoice = unused.get(cursor);
            if (kind == Kind.DISCOUNT) {
                invoice = unused.stream()
                        .skip(cursor)
                        .filter(item -> !used.contains(item.invoiceId()))
                        .filter(item -> item.discountDate() != null
                                && !item.discountDate().isBefore(today))
                        .findFirst()
                        .orElse(invoice);
                if (invoice.discountDate() == null || invoice.discountDate().isBefore(today)) {
                    kind = Kind.EXACT_REFERENCE;
                }
            }
            Payer payer = payers.get((int) invoice.customerId() - 1);
            List<OpenItem> paid = new ArrayList<>(List.of(invoice));
            if (kind == Kind.COMBINATION || (kind == Kind.NO_REFERENCE && random.nextInt(5) == 0)) {
                OpenItem first = invoice;
                byCustomer.get((int) invoice.customerId()).stream()
                        .filter(other -> other != first && !used.contains(other.invoiceId()))
                        .limit(1 + random.nextInt(2))
                        .forEach(paid::add);
                if (paid.size() == 1 && kind == Kind.COMBINATION) {
                    kind = Kind.EXACT_REFERENCE;
                }
            }
            paid.forEach(item -> used.add(item.invoiceId()));
            Line written = write(kind, invoice, paid);
            String iban = random.nextInt(10) < 7 ? payer.iban() : newIban();
            String name = spell(payer.name());
            String text = noisy(written.text());
            boolean referenceVisible = written.references().stream()
                    .allMatch(reference -> written.structured() || (text != null && text.contains(reference)));
            writer.credit(credit(
                    written.amount(), name, iban, written.structured() ? invoice.creditorReference() : null, text));
            truths.add(new Truth(
                    kind,
                    payer.customerId(),
                    new LinkedHashSet<>(paid.stream().map(OpenItem::invoiceId).toList()),
                    settleable(kind, written, referenceVisible, payer, iban, name, paid)));
        }
        return new Generated(invoices, payers, writer.bytes(), truths);
    }

    /** What the payer wrote: amount, the reference in the structured field or not, and the text with its references. */
    private record Line(BigDecimal amount, boolean structured, String text, List<String> references) {}

    private Line write(Kind kind, OpenItem invoice, List<OpenItem> paid) {
        BigDecimal owed = paid.stream().map(OpenItem::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean structured = random.nextInt(10) < 6;
        String number = invoice.number();
        return switch (kind) {
            case EXACT_REFERENCE ->
                structured
                        ? new Line(owed, true, random.nextBoolean() ? null : "Payment", List.of())
                        : new Line(owed, false, pickOf("Invoice ", "Rechnung ", "RE ", "") + number, List.of(number));
            case NORMALISED -> {
                String spelled = normalised(number);
                yield new Line(owed, false, pickOf("Rechnung ", "Inv. ", "Re-Nr ", "") + spelled, List.of(spelled));
            }
            case TYPO -> {
                String mistyped = mistype(number);
                yield new Line(owed, false, pickOf("Rechnung ", "Invoice ", "") + mistyped, List.of(mistyped));
            }
            case PARTIAL -> {
                BigDecimal part = owed.multiply(BigDecimal.valueOf(20 + random.nextInt(61)))
                        .movePointLeft(2)
                        .setScale(2, RoundingMode.DOWN);
                yield structured
                        ? new Line(part, true, pickOf("Teilzahlung", "1. Rate", "first instalment"), List.of())
                        : new Line(
                                part,
                                false,
                                pickOf("Teilzahlung ", "Rate 1/3 ", "part payment ") + number,
                                List.of(number));
            }
            case COMBINATION -> {
                if (random.nextInt(10) < 3) {
                    yield new Line(
                            owed, false, pickOf("Sammelzahlung", "Payment October", "Zahlung lt. Avis"), List.of());
                }
                List<String> numbers = paid.stream()
                        .map(item -> random.nextBoolean() ? item.number() : normalised(item.number()))
                        .toList();
                yield new Line(
                        owed, false, pickOf("Invoices ", "Rechnungen ", "RG ") + String.join(" ", numbers), numbers);
            }
            case DISCOUNT -> {
                BigDecimal net = owed.subtract(invoice.discountOn(today, 0));
                yield structured
                        ? new Line(net, true, "abzgl. 2% Skonto", List.of())
                        : new Line(net, false, number + " less 2% discount", List.of(number));
            }
            case SHORT_PAYMENT -> {
                // Bank charges deducted by the payer's or an intermediary bank; some exceed the write-off tolerance.
                BigDecimal charges = BigDecimal.valueOf(50 + random.nextInt(1_450), 2);
                BigDecimal short_ = owed.subtract(charges).max(new BigDecimal("1.00"));
                yield structured
                        ? new Line(short_, true, "less bank charges", List.of())
                        : new Line(short_, false, number + " abzgl. Gebuehren", List.of(number));
            }
            case NO_REFERENCE -> new Line(owed, false, pickOf(null, "Payment", "Zahlung", "Ueberweisung"), List.of());
            case UNKNOWN_PAYER -> throw new IllegalStateException();
        };
    }

    /** Real-world clutter: the customer's own order numbers and dates, and banks cutting long texts. */
    private String noisy(String text) {
        String result = text;
        if (random.nextInt(10) < 3) {
            String order = pickOf("PO ", "Bestellung ", "Auftrag ", "Your order ")
                    + (4_500_000_000L + random.nextInt(9_999_999));
            result = result == null ? order : random.nextBoolean() ? order + " " + result : result + " " + order;
        }
        if (random.nextInt(10) == 0) {
            String dated = "vom "
                    + today.minusDays(random.nextInt(40))
                            .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
            result = result == null ? dated : result + " " + dated;
        }
        if (result != null && result.length() > CUT_AT && random.nextInt(10) < 2) {
            result = result.substring(0, CUT_AT);
        }
        return result;
    }

    /** How banks pass on the payer's name: as is, in capitals, abbreviated, or cut off. */
    private String spell(String name) {
        int roll = random.nextInt(100);
        if (roll < 35) {
            return name;
        }
        if (roll < 70) {
            return name.toUpperCase(Locale.ROOT);
        }
        if (roll < 85) {
            String[] words = name.split(" ");
            StringBuilder abbreviated = new StringBuilder();
            for (String word : words) {
                abbreviated
                        .append(abbreviated.isEmpty() ? "" : " ")
                        .append(word.length() > 5 ? word.substring(0, 4) + "." : word);
            }
            return abbreviated.toString().toUpperCase(Locale.ROOT);
        }
        return name.toUpperCase(Locale.ROOT).substring(0, Math.min(name.length(), 16));
    }

    /**
     * Whether a careful person could settle the line alone. With every reference readable: yes (a typo only when the
     * amount singles out one of the invoices within one slip of the written number). Without: only when the payer is
     * recognisable (known account, or a name that is a shortened form of one customer's name only) and exactly one open
     * invoice or one combination of up to four of that customer's invoices fits the amount.
     */
    private boolean settleable(
            Kind kind,
            Line line,
            boolean referenceVisible,
            Payer payer,
            String iban,
            String name,
            List<OpenItem> paid) {
        if (kind == Kind.TYPO) {
            String written = line.references().get(0).replaceAll("\\D", "");
            List<OpenItem> near = oneSlipFrom(written).stream()
                    .map(byDigits::get)
                    .filter(item -> item != null && item.openAmount().compareTo(line.amount()) == 0)
                    .toList();
            if (referenceVisible
                    && near.size() == 1
                    && near.get(0).invoiceId() == paid.get(0).invoiceId()) {
                return true;
            }
        } else if (!line.references().isEmpty() || line.structured()) {
            if (referenceVisible) {
                return true;
            }
        }
        boolean recognised = payer.iban().equals(iban) || recognisedName(name) == payer.customerId();
        if (!recognised) {
            return false;
        }
        BigDecimal amount = line.amount();
        List<OpenItem> open = byCustomer.get((int) payer.customerId());
        int fits = 0;
        for (OpenItem item : open) {
            BigDecimal discount = item.discountOn(today, 3);
            if (item.openAmount().compareTo(amount) == 0
                    || (discount.signum() > 0
                            && item.openAmount().subtract(discount).compareTo(amount) == 0)) {
                fits++;
            }
        }
        fits += combinations(open, amount, 0, 0, 0);
        return fits == 1 && fitsPaid(paid, amount);
    }

    private boolean fitsPaid(List<OpenItem> paid, BigDecimal amount) {
        BigDecimal owed = paid.stream().map(OpenItem::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal discounts =
                paid.stream().map(item -> item.discountOn(today, 3)).reduce(BigDecimal.ZERO, BigDecimal::add);
        return owed.compareTo(amount) == 0 || owed.subtract(discounts).compareTo(amount) == 0;
    }

    /** Sets of two to four of the items whose open amounts add up to the amount (counted up to two). */
    private int combinations(List<OpenItem> open, BigDecimal left, int from, int chosen, int found) {
        if (found >= 2) {
            return found;
        }
        if (left.signum() == 0 && chosen >= 2) {
            return found + 1;
        }
        if (left.signum() <= 0 || chosen == 4) {
            return found;
        }
        int count = found;
        for (int i = from; i < open.size() && count < 2; i++) {
            count = combinations(open, left.subtract(open.get(i).openAmount()), i + 1, chosen + 1, count);
        }
        return count;
    }

    /** The one customer whose name the given name spells out, capitals and abbreviations aside; -1 if not one. */
    private long recognisedName(String name) {
        String[] said = words(name);
        long found = -1;
        for (Payer payer : payers) {
            String[] known = words(payer.name());
            boolean fits = said.length > 0 && said.length <= known.length && said[0].length() >= 4;
            for (int i = 0; fits && i < said.length; i++) {
                fits = known[i].startsWith(said[i]);
            }
            if (fits) {
                if (found != -1) {
                    return -1;
                }
                found = payer.customerId();
            }
        }
        return found;
    }

    private static String[] words(String name) {
        String cleaned =
                name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9 ]", " ").trim();
        return cleaned.isEmpty() ? new String[0] : cleaned.split("\\s+");
    }

    /** Every number one wrong digit or one swap of neighbours away (the slips {@link #mistype} makes). */
    private static Set<String> oneSlipFrom(String digits) {
        Set<String> variants = new LinkedHashSet<>();
        for (int i = 0; i < digits.length(); i++) {
            char[] changed = digits.toCharArray();
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit != digits.charAt(i)) {
                    changed[i] = digit;
                    variants.add(new String(changed));
                }
            }
            if (i + 1 < digits.length() && digits.charAt(i) != digits.charAt(i + 1)) {
                char[] swapped = digits.toCharArray();
                swapped[i] = digits.charAt(i + 1);
                swapped[i + 1] = digits.charAt(i);
                variants.add(new String(swapped));
            }
        }
        return variants;
    }

    private CamtWriter.Credit credit(BigDecimal amount, String name, String iban, String reference, String text) {
        return new CamtWriter.Credit(amount, "EUR", today, name, iban, reference, text);
    }

    private BigDecimal amount() {
        return BigDecimal.valueOf(5_000 + random.nextInt(1_995_000), 2);
    }

    private String newIban() {
        return Iban.of("FR", "%023d".formatted(Math.abs(random.nextLong()) % 100000000000000000L));
    }

    /** The number as payers write it when they do not copy it: no prefix, other separators, zeros dropped. */
    private String normalised(String number) {
        String year = number.substring(4, 8);
        String sequence = number.substring(9);
        return switch (random.nextInt(5)) {
            case 0 -> "INV" + year + sequence;
            case 1 -> year + "/" + sequence;
            case 2 -> "inv " + year + " " + sequence.replaceFirst("^0+", "");
            case 3 -> year + sequence;
            default -> year + "/" + sequence.replaceFirst("^0+", "");
        };
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

    @SafeVarargs
    private <T> T pickOf(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private Kind pick() {
        int roll = random.nextInt(100);
        for (int i = 0; i < MIX.length; i++) {
            roll -= MIX[i];
            if (roll < 0) {
                return Kind.values()[i];
            }
        }
        return Kind.EXACT_REFERENCE;
    }
}
