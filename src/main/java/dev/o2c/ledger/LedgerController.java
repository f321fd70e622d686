package dev.o2c.ledger;

import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.Groups;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LedgerController {

    private final TrialBalance trialBalance;
    private final CustomerStatements statements;
    private final Clock clock;

    LedgerController(TrialBalance trialBalance, CustomerStatements statements, Clock clock) {
        this.trialBalance = trialBalance;
        this.statements = statements;
        this.clock = clock;
    }

    @GetMapping("/api/ledger/trial-balance")
    @Allowed({Groups.AR_CLERKS, Groups.OPERATORS})
    TrialBalance.Report trialBalance() {
        return trialBalance.report();
    }

    /** Defaults to the current month so far. */
    @GetMapping("/api/customers/{id}/statement")
    @Allowed({Groups.AR_CLERKS, Groups.COLLECTORS, Groups.CREDIT_ANALYSTS, Groups.CREDIT_MANAGERS})
    CustomerStatements.Statement statement(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        return statements.of(id, from == null ? today.withDayOfMonth(1) : from, to == null ? today : to);
    }
}
