package dev.o2c.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    private final Invoice invoice = new Invoice(
            "INV-2026-000001",
            1,
            1,
            "EUR",
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 1, 31),
            null,
            BigDecimal.ZERO,
            new BigDecimal("100.00"),
            new BigDecimal("19.00"));

    @Test
    void partialThenFullPaymentMovesOpenToPartiallyPaidToPaid() {
        assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.OPEN);
        invoice.applyPayment(new BigDecimal("19.00"), LocalDate.of(2026, 2, 1));
        assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(invoice.getOpenAmount()).isEqualByComparingTo("100.00");
        assertThat(invoice.getPaidOn()).isNull();
        invoice.applyPayment(new BigDecimal("100.00"), LocalDate.of(2026, 2, 5));
        assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice.getPaidOn()).as("the day it became paid").isEqualTo(LocalDate.of(2026, 2, 5));
        assertThat(invoice.getOpenAmount()).isZero();
        assertThat(invoice.getWrittenOffAmount()).isZero();
    }

    @Test
    void neverMoreThanIsOpen() {
        assertThatThrownBy(() -> invoice.applyPayment(new BigDecimal("119.01"), LocalDate.of(2026, 2, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(invoice.getOpenAmount()).isEqualByComparingTo("119.00");
    }

    @Test
    void chargesRaiseWhatIsOwedButNotOnAPaidInvoice() {
        invoice.addCharges(new BigDecimal("5.00"));
        assertThat(invoice.getOpenAmount()).isEqualByComparingTo("124.00");
        assertThat(invoice.getChargesAmount()).isEqualByComparingTo("5.00");
        invoice.applyPayment(new BigDecimal("124.00"), LocalDate.of(2026, 2, 1));
        assertThatThrownBy(() -> invoice.addCharges(BigDecimal.ONE))
                .isInstanceOf(IllegalInvoiceTransitionException.class);
        assertThat(InvoiceStatus.PAID.canMoveTo(InvoiceStatus.OPEN)).isFalse();
        assertThat(InvoiceStatus.PAID.canMoveTo(InvoiceStatus.PARTIALLY_PAID)).isFalse();
    }

    @Test
    void anApprovedWriteOffThatClosesTheInvoiceLeavesItWrittenOffAFinalState() {
        invoice.applyPayment(new BigDecimal("19.00"), LocalDate.of(2026, 2, 1));
        invoice.writeOff(new BigDecimal("40.00"), LocalDate.of(2026, 3, 1), false);
        assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);

        invoice.writeOff(new BigDecimal("60.00"), LocalDate.of(2026, 3, 2), false);

        assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        assertThat(invoice.getStatus().isOpen()).isFalse();
        assertThat(invoice.getOpenAmount()).isZero();
        assertThat(invoice.getPaidOn()).as("the day it stopped being owed").isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(invoice.getWrittenOffAmount())
                .as("both write-offs, not the payment")
                .isEqualByComparingTo("100.00");
        assertThatThrownBy(() -> invoice.addCharges(BigDecimal.ONE))
                .isInstanceOf(IllegalInvoiceTransitionException.class);
        for (InvoiceStatus target : InvoiceStatus.values()) {
            assertThat(InvoiceStatus.WRITTEN_OFF.canMoveTo(target))
                    .as(target.name())
                    .isFalse();
            assertThat(InvoiceStatus.PAID.canMoveTo(target)).as(target.name()).isFalse();
        }
        assertThat(InvoiceStatus.OPEN.canMoveTo(InvoiceStatus.WRITTEN_OFF)).isTrue();
        assertThat(InvoiceStatus.PARTIALLY_PAID.canMoveTo(InvoiceStatus.WRITTEN_OFF))
                .isTrue();
    }

    @Test
    void aSmallResidualWrittenOffAfterAPaymentLeavesItPaid() {
        invoice.applyPayment(new BigDecimal("118.40"), LocalDate.of(2026, 2, 1));

        invoice.writeOff(new BigDecimal("0.60"), LocalDate.of(2026, 2, 1), true);

        assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice.getPaidOn()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(invoice.getWrittenOffAmount()).isEqualByComparingTo("0.60");
    }
}
