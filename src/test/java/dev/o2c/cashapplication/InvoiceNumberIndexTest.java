package dev.o2c.cashapplication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.billing.CreditorReference;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InvoiceNumberIndexTest {

    private final InvoiceNumberIndex index = new InvoiceNumberIndex(IntStream.of(77, 78, 123, 4567, 120034)
            .mapToObj(InvoiceNumberIndexTest::item)
            .toList());

    @Test
    void findsNumbersWrittenInManyWays() {
        assertThat(numbers(index.find("Rechnung INV-2026-000077").exact())).containsExactly("INV-2026-000077");
        assertThat(numbers(index.find("inv2026000078 + INV 2026 123").exact()))
                .containsExactly("INV-2026-000078", "INV-2026-000123");
        assertThat(numbers(index.find("invoices 2026/004567 and 2026-120034").exact()))
                .containsExactly("INV-2026-004567", "INV-2026-120034");
        assertThat(index.find("order 2026-11-20, 150 pieces").exact()).isEmpty();
    }

    @Test
    void readsAYearAndASequenceWithoutItsZerosAfterASlash() {
        assertThat(numbers(index.find("Rechnung 2026/123").exact())).containsExactly("INV-2026-000123");
        assertThat(numbers(index.find("RG 2026/4567 u. 2026/77").exact()))
                .containsExactly("INV-2026-004567", "INV-2026-000077");
        assertThat(numbers(index.find("2026/120034").exact())).containsExactly("INV-2026-120034");
        InvoiceNumberIndex later = new InvoiceNumberIndex(List.of(item(84594)));
        assertThat(numbers(later.find("RG 2026/84594").exact())).containsExactly("INV-2026-084594");
    }

    @Test
    void aYearAndOneOrTwoDigitsThatReadAsAMonthOrPartOfADateAreNoInvoiceNumber() {
        InvoiceNumberIndex early = new InvoiceNumberIndex(IntStream.rangeClosed(1, 12)
                .mapToObj(InvoiceNumberIndexTest::item)
                .toList());

        assertThat(early.find("Beitrag 2026/11").exact()).as("November").isEmpty();
        assertThat(early.find("Miete 2026/07").exact()).as("July").isEmpty();
        assertThat(index.find("Lieferung 2026/11/20, 123 Stueck").exact())
                .as("a date")
                .isEmpty();
        assertThat(index.find("vom 20.11.2026/123").exact())
                .as("the year of a date")
                .isEmpty();
    }

    @Test
    void findsNumbersOneTypoAway() {
        assertThat(numbers(index.find("INV-2026-004576").oneTypoAway()))
                .as("swapped")
                .containsExactly("INV-2026-004567");
        assertThat(numbers(index.find("INV-2026-004561").oneTypoAway()))
                .as("replaced")
                .containsExactly("INV-2026-004567");
        assertThat(numbers(index.find("20260045677").oneTypoAway()))
                .as("one too many")
                .containsExactly("INV-2026-004567");
        assertThat(numbers(index.find("202600456").oneTypoAway()))
                .as("one missing")
                .contains("INV-2026-004567");
        assertThat(index.find("INV-2026-009999").oneTypoAway()).as("two away").isEmpty();
    }

    @Test
    void knowsWhatOneTypoIs() {
        assertThat(InvoiceNumberIndex.distanceAtMostOne("12345", "12354")).isTrue();
        assertThat(InvoiceNumberIndex.distanceAtMostOne("12345", "1245")).isTrue();
        assertThat(InvoiceNumberIndex.distanceAtMostOne("12345", "21354")).isFalse();
    }

    private static List<String> numbers(List<OpenItem> items) {
        return items.stream().map(OpenItem::number).toList();
    }

    private static OpenItem item(int sequence) {
        String number = "INV-2026-%06d".formatted(sequence);
        return new OpenItem(
                sequence,
                number,
                CreditorReference.forInvoiceNumber(number),
                1,
                "EUR",
                BigDecimal.TEN,
                BigDecimal.TEN,
                null,
                BigDecimal.ZERO);
    }
}
