package dev.o2c.bankstatements;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What both camt versions have in common once read: an entry with its amount and dates, and the transactions it
 * carries. Turns them into {@link BankTransaction}s and insists on the fields cash application cannot do without.
 */
final class CamtEntries {

  private CamtEntries() {}

  record Entry(String path, BigDecimal amount, String currency, String creditDebit, boolean booked,
      LocalDate bookingDate, LocalDate valueDate, String bankReference, List<Details> details) {}

  /** One transaction inside an entry; its own amount is only given (and needed) when an entry batches several. */
  record Details(BigDecimal amount, String currency, String debtorName, String debtorIban,
      String creditorReference, String remittanceText, String endToEndId) {}

  static List<BankTransaction> transactions(Entry entry) {
    BigDecimal amount = required(entry.amount(), entry.path() + "/Amt");
    String currency = required(entry.currency(), entry.path() + "/Amt/@Ccy");
    String indicator = required(entry.creditDebit(), entry.path() + "/CdtDbtInd");
    boolean credit = "CRDT".equals(indicator);
    if (amount.signum() <= 0) {
      throw new StatementRejected(entry.path() + "/Amt must be positive, not " + amount);
    }
    LocalDate valueDate = entry.valueDate() != null ? entry.valueDate() : entry.bookingDate();
    maxLength(entry.bankReference(), 35, entry.path() + "/AcctSvcrRef");
    if (!currency.matches("[A-Z]{3}")) {
      throw new StatementRejected(entry.path() + "/Amt/@Ccy must be an ISO 4217 code, not " + currency);
    }
    if (entry.details().size() <= 1) {
      Details details = entry.details().isEmpty() ? new Details(null, null, null, null, null, null, null)
          : entry.details().get(0);
      checkSchemaLimits(details, entry.path() + "/NtryDtls/TxDtls[1]");
      return List.of(transaction(entry, credit, amount, currency, valueDate, details, entry.bankReference()));
    }
    List<BankTransaction> transactions = new ArrayList<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < entry.details().size(); i++) {
      Details details = entry.details().get(i);
      String path = entry.path() + "/NtryDtls/TxDtls[" + (i + 1) + "]";
      checkSchemaLimits(details, path);
      BigDecimal part = required(details.amount(), path + "/AmtDtls/TxAmt/Amt");
      sum = sum.add(part);
      String reference = (entry.bankReference() == null ? entry.path() : entry.bankReference()) + "/" + (i + 1);
      transactions.add(transaction(entry, credit, part,
          Objects.requireNonNullElse(details.currency(), currency), valueDate, details, reference));
    }
    if (sum.compareTo(amount) != 0) {
      throw new StatementRejected(entry.path() + ": its transactions add up to " + sum + ", the entry says " + amount);
    }
    return transactions;
  }

  private static BankTransaction transaction(Entry entry, boolean credit, BigDecimal amount, String currency,
      LocalDate valueDate, Details details, String reference) {
    return new BankTransaction(reference, amount, currency, credit, entry.booked(), entry.bookingDate(), valueDate,
        trim(details.debtorName()), compactIban(details.debtorIban()), trim(details.creditorReference()),
        limit(trim(details.remittanceText()), MAX_REMITTANCE), trim(details.endToEndId()));
  }

  /**
   * The bindings carry the schema's types but not its length and pattern facets; these are the ones our records
   * rely on, checked here so an oversized value is a clear rejection rather than a database error.
   */
  private static void checkSchemaLimits(Details details, String path) {
    maxLength(details.creditorReference(), 35, path + "/RmtInf/Strd/CdtrRefInf/Ref");
    maxLength(details.endToEndId(), 35, path + "/Refs/EndToEndId");
    maxLength(details.debtorName(), 140, path + "/RltdPties/Dbtr/Nm");
    String iban = details.debtorIban() == null ? null : details.debtorIban().replaceAll("\\s", "");
    if (iban != null && !iban.matches("[A-Za-z]{2}[0-9]{2}[A-Za-z0-9]{1,30}")) {
      throw new StatementRejected(path + "/RltdPties/DbtrAcct/Id/IBAN is not an IBAN: " + details.debtorIban());
    }
  }

  static void maxLength(String value, int max, String path) {
    if (value != null && value.length() > max) {
      throw new StatementRejected(path + " is " + value.length() + " characters long; the schema allows " + max);
    }
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
    String joined = parts.filter(Objects::nonNull).map(String::trim).filter(part -> !part.isEmpty())
        .collect(Collectors.joining(" "));
    return joined.isEmpty() ? null : joined;
  }

  /** Several Ustrd lines of 140 may come; what we keep for matching is capped like the column that holds it. */
  private static final int MAX_REMITTANCE = 2000;

  private static String limit(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  private static String trim(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private static String compactIban(String iban) {
    return iban == null || iban.isBlank() ? null : iban.replaceAll("\\s", "").toUpperCase();
  }
}
