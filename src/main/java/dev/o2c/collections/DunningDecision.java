package dev.o2c.collections;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The dunning-policy DMN's result (the process variable {@code dunning}); the names are the table's output names.
 * Whether a reminder charges interest and the recovery fee is the table's decision; how much is configuration
 * ({@link LatePaymentSettings}). Outputs an analyst adds later are ignored until code reads them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DunningDecision(
        String action, Integer level, Boolean chargeInterest, Boolean chargeRecoveryFee, Integer nextCheckInDays) {

    /** When no decision was taken yet (the first look at an invoice), look again tomorrow. */
    public long nextCheckInDaysOrTomorrow() {
        return nextCheckInDays == null ? 1 : nextCheckInDays;
    }

    /** What this reminder may charge; a table without the outputs charges nothing. */
    public DunningService.Charges charges() {
        return new DunningService.Charges(Boolean.TRUE.equals(chargeInterest), Boolean.TRUE.equals(chargeRecoveryFee));
    }
}
