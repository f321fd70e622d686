package dev.o2c.bankstatements;

import dev.o2c.platform.money.Currencies;
import dev.o2c.platform.money.Iban;
import dev.o2c.platform.text.Texts;
import dev.o2c.platform.time.BusinessDates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What both camt versions have in common once read: a statement with its declared totals and balances, its entries
 * and the transactions they carry. Turns them into {@link BankTransaction}s and insists on everything cash
 * application and our columns rely on; the first thing wrong rejects the whole file, naming its path.
 */
final class CamtEntries {

    /** Larger amounts than this are no payment of ours and would overflow the sums we keep (numeric(19,2)). */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");
    /** Our amount columns keep two decimals: a currency with three (KWD) may only send amounts that fit. */
    private static final int STORED_DECIMALS = 2;
    /** Several Ustrd lines of 140 may come; what we keep for matching is capped like the column that holds it. */
    static final int MAX_REMITTANCE = 2000;

    private CamtEntries() {}

    record Statement(
            String path,
            String id,
            String accountIban,
            List<Entry> entries,
            DeclaredTotals totals,
            List<Balance> balances) {}

    /** TxsSummry as the bank declares it; any part may be absent. */
    record DeclaredTotals(
            String count,
            BigDecimal sum,
            BigDecimal net,
            String netIndicator,
            String creditCount,
            BigDecimal creditSum,
            String debitCount,
            BigDecimal debitSum) {

        static final DeclaredTotals NONE = new DeclaredTotals(null, null, null, null, null, null, null, null);
    }

    record Balance(String path, String type, BigDecimal amount, String currency, String creditDebit) {}

    record Entry(
            String path,
            BigDecimal amount,
            String currency,
            String creditDebit,
            boolean booked,
            LocalDate bookingDate,
            LocalDate valueDate,
            String bankReference,
            List<Details> details) {}

    /** One transaction inside an entry; its own amount is only given (and needed) when an entry batches several. */
    record Details(
            BigDecimal amount,
            String currency,
            String creditDebit,
            String debtorName,
            String debtorIban,
            String creditorReference,
            String remittanceText,
            String endToEndId) {}

    static ParsedStatement parsed(String messageType, String messageId, Statement statement, LocalDate today) {
        String path = statement.path();
        text(required(statement.id(), path + "/Id"), 35, path + "/Id");
        String accountIban = statement.accountIban();
        if (accountIban != null && !Iban.isValid(accountIban)) {
            throw new StatementRejected(
                    path + "/Acct/Id/IBAN is not a valid IBAN (ISO 13616 check digits): " + printable(accountIban));
        }
        if (statement.entries().isEmpty() && messageType.startsWith("camt.054")) {
            throw new StatementRejected(path + "/Ntry is missing: a notification without entries notifies nothing");
        }
        List<BankTransaction> transactions = new ArrayList<>();
        for (Entry entry : statement.entries()) {
            transactions.addAll(transactions(entry, today));
        }
        checkTotals(statement);
        checkBalances(statement);
        return new ParsedStatement(messageType, messageId, statement.id(), Iban.compact(accountIban), transactions);
    }

    static List<BankTransaction> transactions(Entry entry, LocalDate today) {
        String currency = currency(entry.currency(), entry.path() + "/Amt/@Ccy");
        BigDecimal amount = amount(entry.amount(), currency, entry.path() + "/Amt");
        boolean credit = creditDebit(entry.creditDebit(), entry.path() + "/CdtDbtInd");
        date(entry.bookingDate(), today, entry.path() + "/BookgDt");
        date(entry.valueDate(), today, entry.path() + "/ValDt");
        LocalDate valueDate = entry.valueDate() != null ? entry.valueDate() : entry.bookingDate();
        text(entry.bankReference(), 35, entry.path() + "/AcctSvcrRef");
        for (int i = 0; i < entry.details().size(); i++) {
            checkDetails(
                    entry,
                    credit,
                    currency,
                    entry.details().get(i),
                    entry.path() + "/NtryDtls/TxDtls[" + (i + 1) + "]");
        }
        if (entry.details().size() <= 1) {
            Details details = entry.details().isEmpty()
                    ? new Details(null, null, null, null, null, null, null, null)
                    : entry.details().get(0);
            if (details.amount() != null && details.amount().compareTo(amount) != 0) {
                throw new StatementRejected(entry.path() + "/NtryDtls/TxDtls[1]: the transaction says "
                        + details.amount() + " " + currency + ", the entry says " + amount);
            }
            return List.of(transaction(entry, credit, amount, currency, valueDate, details, entry.bankReference()));
        }
        List<BankTransaction> transactions = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < entry.details().size(); i++) {
            Details details = entry.details().get(i);
            String path = entry.path() + "/NtryDtls/TxDtls[" + (i + 1) + "]";
            BigDecimal part = required(details.amount(), path + "/Amt");
            sum = sum.add(part);
            String reference = (entry.bankReference() == null ? entry.path() : entry.bankReference()) + "/" + (i + 1);
            transactions.add(transaction(entry, credit, part, currency, valueDate, details, reference));
        }
        if (sum.compareTo(amount) != 0) {
            throw new StatementRejected(
                    entry.path() + ": its transactions add up to " + sum + ", the entry says " + amount);
        }
        return transactions;
    }

    /** A transaction of an entry is part of it: same direction, same currency, an amount of that currency. */
    private static void checkDetails(Entry entry, boolean credit, String currency, Details details, String path) {
        if (details.creditDebit() != null && creditDebit(details.creditDebit(), path + "/CdtDbtInd") != credit) {
            throw new StatementRejected(path + "/CdtDbtInd is " + details.creditDebit() + " inside an entry that is "
                    + entry.creditDebit() + ": an entry and its transactions must go the same way");
        }
        if (details.currency() != null && !details.currency().equals(currency)) {
            throw new StatementRejected(path + "/Amt/@Ccy is " + printable(details.currency()) + " inside an entry in "
                    + currency + ": an entry and its transactions must be in the same currency");
        }
        if (details.amount() != null) {
            amount(details.amount(), currency, path + "/Amt");
        }
        text(details.creditorReference(), 35, path + "/RmtInf/Strd/CdtrRefInf/Ref");
        text(details.endToEndId(), 35, path + "/Refs/EndToEndId");
        text(details.debtorName(), 140, path + "/RltdPties/Dbtr/Nm");
        // no length limit here: what is longer than the column is kept cut, and the entry says so
        text(details.remittanceText(), Integer.MAX_VALUE, path + "/RmtInf");
        if (details.debtorIban() != null && !Iban.isValid(details.debtorIban())) {
            throw new StatementRejected(
                    path + "/RltdPties/DbtrAcct/Id/IBAN is not a valid IBAN (ISO 13616 check digits): "
                            + printable(details.debtorIban()));
        }
    }

    /**
     * TxsSummry, where given, must describe the entries that follow: their number (NbOfNtries), the sum of their
     * amounts (Sum), credits and debits apart, and the net. A file whose totals disagree was cut or tampered with.
     */
    private static void checkTotals(Statement statement) {
        DeclaredTotals declared = statement.totals();
        String path = statement.path() + "/TxsSummry";
        List<Entry> all = statement.entries();
        List<Entry> credits =
                all.stream().filter(entry -> "CRDT".equals(entry.creditDebit())).toList();
        List<Entry> debits =
                all.stream().filter(entry -> "DBIT".equals(entry.creditDebit())).toList();
        checkCount(declared.count(), all.size(), path + "/TtlNtries/NbOfNtries");
        checkSum(declared.sum(), sum(all), path + "/TtlNtries/Sum");
        checkCount(declared.creditCount(), credits.size(), path + "/TtlCdtNtries/NbOfNtries");
        checkSum(declared.creditSum(), sum(credits), path + "/TtlCdtNtries/Sum");
        checkCount(declared.debitCount(), debits.size(), path + "/TtlDbtNtries/NbOfNtries");
        checkSum(declared.debitSum(), sum(debits), path + "/TtlDbtNtries/Sum");
        if (declared.net() != null) {
            BigDecimal net =
                    "DBIT".equals(declared.netIndicator()) ? declared.net().negate() : declared.net();
            checkSum(net, sum(credits).subtract(sum(debits)), path + "/TtlNtries/TtlNetNtry");
        }
    }

    /**
     * Opening booked balance (OPBD, or the previous closing PRCD) plus booked credits minus booked debits must give the
     * closing booked balance (CLBD), when the bank gives both.
     */
    private static void checkBalances(Statement statement) {
        Balance opening = null;
        Balance closing = null;
        for (Balance balance : statement.balances()) {
            if (("OPBD".equals(balance.type()) || "PRCD".equals(balance.type())) && opening == null) {
                opening = balance;
            } else if ("CLBD".equals(balance.type()) && closing == null) {
                closing = balance;
            }
        }
        if (opening == null || closing == null) {
            return;
        }
        String currency = currency(opening.currency(), opening.path() + "/Amt/@Ccy");
        BigDecimal open = signed(opening, currency);
        if (!currency.equals(currency(closing.currency(), closing.path() + "/Amt/@Ccy"))) {
            throw new StatementRejected(
                    closing.path() + "/Amt/@Ccy is " + closing.currency() + ", the opening balance is in " + currency);
        }
        BigDecimal close = signed(closing, currency);
        BigDecimal movement = BigDecimal.ZERO;
        for (Entry entry : statement.entries()) {
            if (!entry.booked()) {
                continue;
            }
            if (!currency.equals(entry.currency())) {
                throw new StatementRejected(entry.path() + "/Amt/@Ccy is " + entry.currency()
                        + ", the account's balances are in " + currency);
            }
            movement = "CRDT".equals(entry.creditDebit())
                    ? movement.add(entry.amount())
                    : movement.subtract(entry.amount());
        }
        if (open.add(movement).compareTo(close) != 0) {
            throw new StatementRejected(
                    statement.path() + "/Bal: opening balance " + open + " " + currency + " plus booked entries "
                            + movement + " gives " + open.add(movement) + ", the closing balance says " + close);
        }
    }

    private static BigDecimal signed(Balance balance, String currency) {
        BigDecimal amount = required(balance.amount(), balance.path() + "/Amt");
        if (!Currencies.hasMinorUnitScale(amount, currency) || amount.abs().compareTo(MAX_AMOUNT) >= 0) {
            throw new StatementRejected(
                    balance.path() + "/Amt " + amount.toPlainString() + " is not an amount in " + currency);
        }
        boolean credit = creditDebit(balance.creditDebit(), balance.path() + "/CdtDbtInd");
        return credit ? amount : amount.negate();
    }

    private static void checkCount(String declared, int actual, String path) {
        if (declared == null) {
            return;
        }
        if (!declared.matches("[0-9]{1,15}") || Long.parseLong(declared) != actual) {
            throw new StatementRejected(
                    path + " declares " + printable(declared) + " entries; the statement has " + actual);
        }
    }

    private static void checkSum(BigDecimal declared, BigDecimal actual, String path) {
        if (declared != null && declared.compareTo(actual) != 0) {
            throw new StatementRejected(path + " declares " + declared.toPlainString() + "; the entries add up to "
                    + actual.toPlainString());
        }
    }

    private static BigDecimal sum(List<Entry> entries) {
        return entries.stream().map(Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BankTransaction transaction(
            Entry entry,
            boolean credit,
            BigDecimal amount,
            String currency,
            LocalDate valueDate,
            Details details,
            String reference) {
        String remittance = trim(details.remittanceText());
        boolean cut = remittance != null && remittance.length() > MAX_REMITTANCE;
        return new BankTransaction(
                reference,
                amount,
                currency,
                credit,
                entry.booked(),
                entry.bookingDate(),
                valueDate,
                trim(details.debtorName()),
                Iban.compact(details.debtorIban()),
                trim(details.creditorReference()),
                cut ? remittance.substring(0, MAX_REMITTANCE) : remittance,
                trim(details.endToEndId()),
                cut ? remittance.length() : null);
    }

    private static String currency(String code, String path) {
        required(code, path);
        if (!Currencies.isTradingCurrency(code)) {
            throw new StatementRejected(path + " must be the ISO 4217 code of a currency in circulation, not "
                    + printable(code) + " (metals, funds, test and withdrawn codes are refused)");
        }
        return code;
    }

    private static BigDecimal amount(BigDecimal amount, String currency, String path) {
        required(amount, path);
        if (amount.signum() <= 0) {
            throw new StatementRejected(path + " must be positive, not " + amount.toPlainString());
        }
        if (!Currencies.hasMinorUnitScale(amount, currency)) {
            throw new StatementRejected(path + " " + amount.toPlainString() + " has more decimals than " + currency
                    + " has (" + Currencies.minorUnitDigits(currency) + "); amounts are never rounded");
        }
        if (amount.stripTrailingZeros().scale() > STORED_DECIMALS) {
            throw new StatementRejected(path + " " + amount.toPlainString() + ": amounts with more than "
                    + STORED_DECIMALS + " decimals cannot be posted here");
        }
        if (amount.compareTo(MAX_AMOUNT) >= 0) {
            throw new StatementRejected(path + " " + amount.toPlainString() + " is larger than any payment we accept ("
                    + MAX_AMOUNT.toPlainString() + ")");
        }
        return amount;
    }

    private static boolean creditDebit(String indicator, String path) {
        required(indicator, path);
        if (!"CRDT".equals(indicator) && !"DBIT".equals(indicator)) {
            throw new StatementRejected(path + " must be CRDT or DBIT, not " + printable(indicator));
        }
        return "CRDT".equals(indicator);
    }

    private static void date(LocalDate date, LocalDate today, String path) {
        if (date != null && !BusinessDates.isPlausibleValueDate(date, today)) {
            throw new StatementRejected(path + " " + date + " is outside the accepted window ("
                    + today.minus(BusinessDates.OLDEST_VALUE_DATE) + " to "
                    + today.plus(BusinessDates.LATEST_VALUE_DATE) + ")");
        }
    }

    /**
     * Text we store: no control characters (NUL cannot be stored at all; the others are no part of a name or a
     * reference) and no longer than its column. The bindings carry the schema's types but not its length facets.
     */
    static void text(String value, int max, String path) {
        if (value == null) {
            return;
        }
        int control = Texts.indexOfForbiddenControlCharacter(value);
        if (control >= 0) {
            throw new StatementRejected(path + " contains the control character U+"
                    + String.format("%04X", (int) value.charAt(control)) + " at position " + (control + 1));
        }
        if (value.length() > max) {
            throw new StatementRejected(path + " is " + value.length() + " characters long; the schema allows " + max);
        }
    }

    static void maxLength(String value, int max, String path) {
        text(value, max, path);
    }

    static <T> T required(T value, String path) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new StatementRejected(path + " is missing");
        }
        return value;
    }

    static LocalDate date(LocalDate date, OffsetDateTime dateTime) {
        return date != null ? date : dateTime == null ? null : dateTime.toLocalDate();
    }

    static String join(Stream<String> parts) {
        String joined = parts.filter(Objects::nonNull)
                .map(String::trim)
                .filter(part -> !part.isEmpty())
                .collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    /** A value quoted back in a message: control characters shown as codes, long values shortened. */
    private static String printable(String value) {
        String shown = value.chars()
                .mapToObj(c -> c < 0x20 || c == 0x7F ? String.format("\\u%04X", c) : String.valueOf((char) c))
                .collect(Collectors.joining());
        return shown.length() > 60 ? shown.substring(0, 60) + "..." : shown;
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
