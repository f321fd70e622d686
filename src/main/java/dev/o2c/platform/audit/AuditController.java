package dev.o2c.platform.audit;

import dev.o2c.platform.errors.InvalidValueException;
import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.Groups;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail of one record: who did what, when and why. Every entity type the application writes audit records
 * for can be read here (the README points at the write-off's and the limit review's trails).
 */
@RestController
@RequestMapping("/api/audit")
@Allowed({Groups.CREDIT_MANAGERS, Groups.CREDIT_ANALYSTS, Groups.AR_CLERKS, Groups.COLLECTORS, Groups.OPERATORS})
class AuditController {

    private static final List<String> ENTITY_TYPES = List.of(
            "customer",
            "order",
            "invoice",
            "payment",
            "task",
            "bank-statement",
            "journal-entry",
            "dispute",
            "write-off",
            "limit-review",
            "bank-entry",
            "document",
            "incident",
            "deployment",
            // a decision table by its decision id, e.g. the back-tests of credit-decision
            "decision");

    private final AuditRepository records;

    AuditController(AuditRepository records) {
        this.records = records;
    }

    @GetMapping
    List<AuditView> trail(@RequestParam String entityType, @RequestParam String entityId) {
        if (!ENTITY_TYPES.contains(entityType)) {
            throw new InvalidValueException("entityType", "must be one of " + ENTITY_TYPES);
        }
        return records.trailOf(entityType, entityId).stream().map(AuditView::of).toList();
    }
}
