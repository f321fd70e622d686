package dev.o2c.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PaymentTermsTest {

    @Test
    void netTermsSetTheDueDate() {
        PaymentTerms terms = PaymentTerms.parse("NET30");
        assertThat(terms.dueDate(LocalDate.of(2026, 1, 15))).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(terms.hasDiscount()).isFalse();
        assertThat(terms.discountDate(LocalDate.of(2026, 1, 15))).isEmpty();
    }

    @Test
    void discountTermsCarryRateAndDate() {
        PaymentTerms terms = PaymentTerms.parse("2/10 NET30");
        assertThat(terms.discountRate()).isEqualByComparingTo("0.02");
        assertThat(terms.discountDate(LocalDate.of(2026, 1, 15))).contains(LocalDate.of(2026, 1, 25));
        assertThat(terms.toString()).isEqualTo("2/10 NET30");
    }

    @Test
    void rejectsWhatIsNotTerms() {
        assertThatThrownBy(() -> PaymentTerms.parse("30 days")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentTerms.parse("2/40 NET30")).isInstanceOf(IllegalArgumentException.class);
    }
}
