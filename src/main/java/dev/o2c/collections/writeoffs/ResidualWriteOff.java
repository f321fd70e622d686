package dev.o2c.collections.writeoffs;

import dev.o2c.payments.PaymentPosted;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private final WriteOffs writeOffs;

    ResidualWriteOff(WriteOffs writeOffs) {
        this.writeOffs = writeOffs;
    }

    /** Only an invoice the payment left with a residual is locked and looked at again; most are paid in full. */
    @EventListener
    void on(PaymentPosted posted) {
        Map<Long, BigDecimal> openAfter = new LinkedHashMap<>();
        posted.applied().forEach(applied -> openAfter.put(applied.invoiceId(), applied.openAfter()));
        openAfter.forEach((invoiceId, open) -> {
            if (writeOffs.isResidual(open, posted.currency())) {
                writeOffs.writeOffResidual(invoiceId);
            }
        });
    }
}
