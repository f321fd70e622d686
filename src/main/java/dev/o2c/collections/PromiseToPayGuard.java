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
        LocalDate promised = LocalDate.parse((String) answers.get("promisedDate"));
        LocalDate today = LocalDate.now(clock);
        if (promised.isBefore(today)) {
            throw new InvalidCollectionException(
                    "promisedDate", "a promise to pay cannot be dated before today (" + today + ")");
        }
        if (promised.isAfter(today.plus(LONGEST_PROMISE))) {
            throw new InvalidCollectionException(
                    "promisedDate",
                    "a promise to pay may be at most " + LONGEST_PROMISE.getDays() + " days ahead ("
                            + today.plus(LONGEST_PROMISE) + "); longer needs a payment plan approved by credit");
        }
    }
}
