package dev.o2c.bankstatements;

import dev.o2c.tasks.HumanTask;
import dev.o2c.tasks.TaskContextProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Beside "Match payment": the bank entry as received and what cash application made of it. */
@Component
class MatchPaymentContext implements TaskContextProvider {

    private final BankEntryPosting posting;

    MatchPaymentContext(BankEntryPosting posting) {
        this.posting = posting;
    }

    @Override
    public boolean describes(HumanTask task) {
        return MatchPaymentGuard.FORM_ID.equals(task.getFormId());
    }

    @Override
    public Map<String, Object> contextOf(HumanTask task, Map<String, Object> variables) {
        BankEntry entry =
                posting.get(Long.parseLong(variables.get("bankEntryId").toString()));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("kind", "match-payment");
        context.put(
                "entry",
                Map.of(
                        "id",
                        entry.getId(),
                        "amount",
                        entry.getAmount(),
                        "currency",
                        entry.getCurrency(),
                        "valueDate",
                        String.valueOf(entry.getValueDate()),
                        "debtorName",
                        orNone(entry.getDebtorName()),
                        "debtorIban",
                        orNone(entry.getDebtorIban()),
                        "remittance",
                        orNone(entry.getRemittanceText()),
                        "remittanceCut",
                        entry.getRemittanceCutFrom() == null
                                ? "no"
                                : "yes: the bank sent " + entry.getRemittanceCutFrom() + " characters, the first "
                                        + entry.getRemittanceText().length() + " are kept",
                        "status",
                        entry.getStatus().name()));
        context.put("proposal", posting.proposalOf(entry));
        return context;
    }

    private static String orNone(String value) {
        return value == null ? "not given" : value;
    }
}
