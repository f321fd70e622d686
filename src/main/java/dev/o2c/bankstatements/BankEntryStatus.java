package dev.o2c.bankstatements;

import java.util.EnumSet;
import java.util.Set;

/**
 * A bank movement's way through cash application. Debits and unbooked entries are recorded, not applied. A proposal
 * the policy trusts is MATCHED and posted; anything else waits for a clerk, whose choice is posted or set aside.
 */
public enum BankEntryStatus {
    NOT_APPLICABLE,
    MATCHED,
    NEEDS_CLERK,
    POSTED,
    SET_ASIDE;

    private Set<BankEntryStatus> next() {
        return switch (this) {
            // a proposal that went stale before posting goes to a clerk
            case MATCHED -> EnumSet.of(POSTED, NEEDS_CLERK);
            // the clerk's choice becomes the proposal that is posted
            case NEEDS_CLERK -> EnumSet.of(MATCHED, SET_ASIDE);
            case NOT_APPLICABLE, POSTED, SET_ASIDE -> EnumSet.noneOf(BankEntryStatus.class);
        };
    }

    public boolean canMoveTo(BankEntryStatus target) {
        return next().contains(target);
    }

    /** Waiting for the application to finish with it. */
    public boolean inProgress() {
        return this == MATCHED || this == NEEDS_CLERK;
    }
}
