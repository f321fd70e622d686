package dev.o2c.collections.writeoffs;

import dev.o2c.payments.PaymentAllocation;
import dev.o2c.payments.PaymentPosted;
import dev.o2c.payments.PaymentService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After a payment is applied, a small residual it leaves on an invoice (at most o2c.collections.write-off.auto-tolerance)
 * is written off in the same transaction, so payment and write-off commit together. It runs after cash application's
 * short-payment rule: a shortfall within that tolerance was settled as a DEDUCTION already and leaves nothing open;
 * this takes what is left when that rule did not apply (its percentage cap, a payment entered by hand, a partial
 * payment that leaves cents).
 */
@Component
class ResidualWriteOff {

    private final PaymentService payments;
    private final WriteOffs writeOffs;

    ResidualWriteOff(PaymentService payments, WriteOffs writeOffs) {
        this.payments = payments;
        this.writeOffs = writeOffs;
    }

    @EventListener
    void on(PaymentPosted posted) {
        payments.allocationsOf(posted.paymentId()).stream()
                .map(PaymentAllocation::getInvoiceId)
                .distinct()
                .forEach(writeOffs::writeOffResidual);
    }
}
