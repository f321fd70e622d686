package dev.o2c.cashapplication;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything the matcher may look up for one statement: open invoices by reference, number, customer and amount, and
 * payers by account and name, including what clerks taught it. Built once per import, read-only afterwards.
 */
public final class OpenItemBook {

    private final Map<String, OpenItem> byReference;
    private final Map<Long, List<OpenItem>> byCustomer;
    private final Map<BigDecimal, List<OpenItem>> byAmount;
    private final InvoiceNumberIndex numbers;
    private final Map<Long, Payer> payers;
    private final Map<String, Long> customerByIban;
    private final Map<String, List<Long>> customersByName;
    private final Map<String, List<String>> namesByKey;
    private final Map<String, Long> learnedIbans;
    private final Map<String, Long> learnedNames;

    public OpenItemBook(
            Collection<OpenItem> items,
            Collection<Payer> payers,
            Map<String, Long> learnedIbans,
            Map<String, Long> learnedNames) {
        List<OpenItem> oldestFirst =
                items.stream().sorted(Comparator.comparing(OpenItem::invoiceId)).toList();
        this.byReference = oldestFirst.stream().collect(Collectors.toMap(OpenItem::creditorReference, item -> item));
        this.byCustomer = oldestFirst.stream().collect(Collectors.groupingBy(OpenItem::customerId));
        this.byAmount = oldestFirst.stream()
                .collect(Collectors.groupingBy(item -> item.openAmount().stripTrailingZeros()));
        this.numbers = new InvoiceNumberIndex(oldestFirst);
        this.payers = payers.stream().collect(Collectors.toMap(Payer::customerId, payer -> payer));
        this.customerByIban = payers.stream()
                .filter(payer -> payer.iban() != null)
                .collect(Collectors.toMap(payer -> compact(payer.iban()), Payer::customerId, (first, second) -> first));
        this.customersByName = payers.stream()
                .collect(Collectors.groupingBy(
                        payer -> PayerNames.normalize(payer.name()),
                        Collectors.mapping(Payer::customerId, Collectors.toList())));
        this.namesByKey = customersByName.keySet().stream()
                .filter(name -> PayerNames.similarityKey(name) != null)
                .collect(Collectors.groupingBy(PayerNames::similarityKey));
        this.learnedIbans = Map.copyOf(learnedIbans);
        this.learnedNames = Map.copyOf(learnedNames);
    }

    Optional<OpenItem> byReference(String creditorReference) {
        return Optional.ofNullable(byReference.get(creditorReference));
    }

    List<OpenItem> openOf(long customerId) {
        return byCustomer.getOrDefault(customerId, List.of());
    }

    List<OpenItem> withOpenAmount(BigDecimal amount) {
        return byAmount.getOrDefault(amount.stripTrailingZeros(), List.of());
    }

    InvoiceNumberIndex.Hits invoiceNumbersIn(String text) {
        return numbers.find(text);
    }

    Optional<Payer> payer(long customerId) {
        return Optional.ofNullable(payers.get(customerId));
    }

    Optional<Long> customerWithIban(String iban) {
        return iban == null ? Optional.empty() : Optional.ofNullable(customerByIban.get(compact(iban)));
    }

    Optional<Long> learnedIban(String iban) {
        return iban == null ? Optional.empty() : Optional.ofNullable(learnedIbans.get(compact(iban)));
    }

    Optional<Long> learnedName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(learnedNames.get(PayerNames.normalize(name)));
    }

    List<Long> customersNamed(String name) {
        return name == null ? List.of() : customersByName.getOrDefault(PayerNames.normalize(name), List.of());
    }

    /** Customers whose name the debtor name shortens or cuts off (see {@link PayerNames#similar}). */
    List<Long> customersSimilarTo(String name) {
        String normalized = PayerNames.normalize(name);
        String key = PayerNames.similarityKey(normalized);
        if (key == null) {
            return List.of();
        }
        return namesByKey.getOrDefault(key, List.of()).stream()
                .filter(known -> PayerNames.similar(normalized, known))
                .flatMap(known -> customersByName.get(known).stream())
                .distinct()
                .toList();
    }

    public static String compact(String iban) {
        return iban.replaceAll("\\s", "").toUpperCase();
    }
}
