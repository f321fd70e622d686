package dev.o2c.bankstatements;

import dev.o2c.platform.security.CurrentUser;
import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskCompletionGuard;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A clerk's match is checked before the task completes: an unknown customer or one billed in another currency, and
 * unknown, paid, foreign or other-currency invoices are refused on the form (400 naming the field), and so is a disputed
 * shortfall unless the payment is short of exactly one invoice that can be disputed; the task stays open and nothing
 * reaches the engine.
 */
@Component
class MatchPaymentGuard implements TaskCompletionGuard {

    static final String FORM_ID = "match-payment";

    private final BankEntryPosting posting;

    MatchPaymentGuard(BankEntryPosting posting) {
        this.posting = posting;
    }

    @Override
    public void check(HumanTask task, Map<String, Object> answers, Map<String, Object> context, CurrentUser user) {
        if (FORM_ID.equals(task.getFormId())) {
            Object entryId = context.get("bankEntryId");
            if (entryId == null) {
                throw new IllegalStateException("match-payment task " + task.getJobKey() + " has no bankEntryId");
            }
            posting.validate(
                    Long.parseLong(entryId.toString()),
                    BankEntryPosting.ClerkChoice.fromForm(
                            answers.get("matchDecision"),
                            answers.get("customerId"),
                            answers.get("invoiceNumbers"),
                            answers.get("matchNote"),
                            answers.get("disputeReason")));
        }
    }
}
