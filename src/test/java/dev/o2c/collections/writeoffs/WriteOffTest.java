package dev.o2c.collections.writeoffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o2c.platform.security.Groups;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The write-off's status transitions: REQUESTED -> (AWAITING_SECOND_APPROVAL ->) APPROVED or REJECTED -> POSTED. */
class WriteOffTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static WriteOff requested(boolean fourEyes) {
        WriteOff writeOff = new WriteOff(1, 2, "EUR", new BigDecimal("800.00"), "insolvent", "collector", NOW, 45, "B");
        writeOff.routeTo(Groups.CREDIT_MANAGERS, fourEyes, "a credit manager");
        return writeOff;
    }

    @Test
    void approvedByOnePersonThenPosted() {
        WriteOff writeOff = requested(false);
        writeOff.approve("manager", NOW, "ok");
        assertThat(writeOff.getStatus()).isEqualTo(WriteOff.Status.APPROVED);
        writeOff.posted(new BigDecimal("800.00"), NOW);
        assertThat(writeOff.getStatus()).isEqualTo(WriteOff.Status.POSTED);
        assertThatThrownBy(() -> writeOff.posted(new BigDecimal("800.00"), NOW))
                .isInstanceOf(IllegalWriteOffTransitionException.class);
        assertThatThrownBy(() -> writeOff.reject("manager", NOW, "too late"))
                .isInstanceOf(IllegalWriteOffTransitionException.class);
    }

    @Test
    void fourEyesNeedsASecondDifferentPerson() {
        WriteOff writeOff = requested(true);
        assertThatThrownBy(() -> writeOff.approve("collector", NOW, "mine"))
                .as("who asked never approves")
                .isInstanceOf(IllegalWriteOffTransitionException.class);
        writeOff.approve("manager", NOW, "ok");
        assertThat(writeOff.getStatus()).isEqualTo(WriteOff.Status.AWAITING_SECOND_APPROVAL);
        assertThatThrownBy(() -> writeOff.posted(new BigDecimal("800.00"), NOW))
                .as("not before the second approval")
                .isInstanceOf(IllegalWriteOffTransitionException.class);
        assertThatThrownBy(() -> writeOff.confirm("manager", NOW, "me again"))
                .isInstanceOf(IllegalWriteOffTransitionException.class);
        writeOff.confirm("margot", NOW, "agreed");
        assertThat(writeOff.getStatus()).isEqualTo(WriteOff.Status.APPROVED);
        assertThat(writeOff.getSecondApprovedBy()).isEqualTo("margot");
    }

    @Test
    void rejectedIsFinalAndAnApprovedOneWhoseInvoiceWasPaidIsCanceled() {
        WriteOff rejected = requested(false);
        rejected.reject("manager", NOW, "customer pays");
        assertThat(rejected.getStatus()).isEqualTo(WriteOff.Status.REJECTED);
        assertThatThrownBy(() -> rejected.approve("margot", NOW, "ok"))
                .isInstanceOf(IllegalWriteOffTransitionException.class);
        assertThatThrownBy(() -> rejected.routeTo(Groups.COLLECTORS, false, "x"))
                .isInstanceOf(IllegalWriteOffTransitionException.class);

        WriteOff approved = requested(false);
        approved.approve("manager", NOW, "ok");
        approved.cancel(NOW);
        assertThat(approved.getStatus()).isEqualTo(WriteOff.Status.CANCELED);
        assertThat(approved.getStatus().isOpen()).isFalse();
    }

    @Test
    void aResidualIsApprovedBySystemAndOnlyPosted() {
        WriteOff residual = WriteOff.automatic(1, 2, "EUR", new BigDecimal("0.60"), "residual", NOW, 0, "B");
        assertThat(residual.isAutomatic()).isTrue();
        assertThat(residual.getRequestedBy()).isEqualTo("system");
        residual.posted(new BigDecimal("0.60"), NOW);
        assertThat(residual.getStatus()).isEqualTo(WriteOff.Status.POSTED);
    }
}
