package dev.o2c.collections.disputes;

import dev.o2c.bankstatements.ShortPaymentDisputes;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disputes of a short payment's shortfall, asked for by an AR clerk on the "Match payment" task: opened with the
 * clerk's reason code for all that the payment left open, in the posting's transaction; the process starts as for
 * any dispute once the posting has committed.
 */
@Component
class ShortPaymentDisputeOpener implements ShortPaymentDisputes {

    private final Disputes disputes;
    private final DisputeIntake intake;

    ShortPaymentDisputeOpener(Disputes disputes, DisputeIntake intake) {
        this.disputes = disputes;
        this.intake = intake;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> refusal(long invoiceId, String reasonCode) {
        if (reason(reasonCode).isEmpty()) {
            return Optional.of("must be one of " + Arrays.toString(DisputeReason.values()) + ", not " + reasonCode);
        }
        try {
            disputes.checkDisputable(invoiceId);
            return Optional.empty();
        } catch (InvalidDisputeException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    @Transactional
    public void open(ShortPayment shortPayment) {
        DisputeReason reason = reason(shortPayment.reasonCode())
                .orElseThrow(() -> new InvalidDisputeException(
                        "reasonCode", "must be one of " + Arrays.toString(DisputeReason.values())));
        intake.openWithin(
                new Disputes.NewDispute(shortPayment.invoiceId(), null, reason, shortPayment.comment()),
                shortPayment.clerk());
    }

    private static Optional<DisputeReason> reason(String code) {
        return Arrays.stream(DisputeReason.values())
                .filter(reason -> reason.name().equals(code))
                .findFirst();
    }
}
