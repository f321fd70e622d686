package dev.o2c.collections;

import dev.o2c.platform.security.CurrentUser;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskCompletionGuard;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A promise to pay pauses dunning until the day after its date, so the date must be one a collector can hold the
 * customer to: not in the past (that is no promise) and not further out than a quarter (beyond that it is a payment
 * plan, which needs credit's approval, not a collector's note).
 */
@Component
class PromiseToPayGuard implements TaskCompletionGuard {

    static final String FORM = "collections-follow-up";
    static final Period LONGEST_PROMISE = Period.ofDays(90);

    private final Clock clock;

    PromiseToPayGuard(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void check(HumanTask task, Map<String, Object> answers, Map<String, Object> context, CurrentUser user) {
        if (!FORM.equals(task.getFormId()) || !"PROMISE_TO_PAY".equals(answers.get("followUpOutcome"))) {
            return;
        }
        // the form check ran first: promisedDate is a real date here
        checkDate(LocalDate.parse((String) answers.get("promisedDate")), LocalDate.now(clock), "promisedDate");
    }

    /**
     * The one rule for a promise's date, in the follow-up task and on the worklist: not before {@code today}, at
     * most {@link #LONGEST_PROMISE} ahead.
     */
    static void checkDate(LocalDate promised, LocalDate today, String field) {
        if (promised.isBefore(today)) {
            throw new InvalidCollectionException(
                    field, "a promise to pay cannot be dated before today (" + today + ")");
        }
        if (promised.isAfter(today.plus(LONGEST_PROMISE))) {
            throw new InvalidCollectionException(
                    field,
                    "a promise to pay may be at most " + LONGEST_PROMISE.getDays() + " days ahead ("
                            + today.plus(LONGEST_PROMISE) + "); longer needs a payment plan approved by credit");
        }
    }
}
