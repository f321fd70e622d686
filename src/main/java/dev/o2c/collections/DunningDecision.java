package dev.o2c.collections;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/**
 * The dunning-policy DMN's result (the process variable {@code dunning}); the names are the table's output names.
 * Outputs an analyst adds later are ignored until code reads them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DunningDecision(
        String action, Integer level, BigDecimal fee, BigDecimal interestRate, Integer nextCheckInDays) {

    /** When no decision was taken yet (the first look at an invoice), look again tomorrow. */
    public long nextCheckInDaysOrTomorrow() {
        return nextCheckInDays == null ? 1 : nextCheckInDays;
    }
}
