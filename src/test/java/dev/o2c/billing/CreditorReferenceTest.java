package dev.o2c.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CreditorReferenceTest {

    @Test
    void matchesTheStandardsExample() {
        assertThat(CreditorReference.create("539007547034")).isEqualTo("RF18539007547034");
        assertThat(CreditorReference.parse("RF18 5390 0754 7034")).hasValue("RF18539007547034");
    }

    @Test
    void isDerivedFromTheInvoiceNumberAndValidatesItself() {
        String reference = CreditorReference.forInvoiceNumber("INV-2026-000001");

        assertThat(reference).isEqualTo("RF94INV2026000001");
        assertThat(CreditorReference.parse(reference.toLowerCase())).hasValue(reference);
    }

    @Test
    void catchesTyposAndNonsense() {
        assertThat(CreditorReference.parse("RF94INV2026000002"))
                .as("one digit changed")
                .isEmpty();
        assertThat(CreditorReference.parse("RF49INV2026000001"))
                .as("check digits swapped")
                .isEmpty();
        assertThat(CreditorReference.parse("INV-2026-000001")).isEmpty();
        assertThat(CreditorReference.parse(null)).isEmpty();
        assertThatThrownBy(() -> CreditorReference.create("A".repeat(22))).isInstanceOf(IllegalArgumentException.class);
    }
}
