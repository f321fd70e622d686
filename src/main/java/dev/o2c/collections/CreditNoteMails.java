package dev.o2c.collections;

import dev.o2c.billing.CreditNotes;
import dev.o2c.billing.InvoiceAdjusted;
import dev.o2c.customers.CustomerService;
import dev.o2c.documents.CustomerDocuments;
import dev.o2c.documents.Letter;
import dev.o2c.platform.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends every credit note to the customer: when one is issued (by an AR clerk, or for an accepted dispute), its PDF in
 * the customer's language goes into the outbox, inside the transaction that issued it, once per credit note (dedup
 * key {@code credit-note-<id>}; a replayed request issues nothing and so sends nothing).
 */
@Component
class CreditNoteMails {

    private final CreditNotes creditNotes;
    private final CustomerService customers;
    private final CustomerDocuments documents;
    private final Outbox outbox;
    private final AuditLog audit;

    CreditNoteMails(
            CreditNotes creditNotes,
            CustomerService customers,
            CustomerDocuments documents,
            Outbox outbox,
            AuditLog audit) {
        this.creditNotes = creditNotes;
        this.customers = customers;
        this.documents = documents;
        this.outbox = outbox;
        this.audit = audit;
    }

    @EventListener
    void on(InvoiceAdjusted adjusted) {
        if (adjusted.kind() != InvoiceAdjusted.Kind.CREDIT_NOTE || adjusted.creditNoteId() == null) {
            return;
        }
        long creditNoteId = adjusted.creditNoteId();
        String email =
                customers.get(creditNotes.get(creditNoteId).getCustomerId()).getEmail();
        Letter letter = documents.creditNoteLetter(creditNoteId);
        boolean written = outbox.write(
                email,
                letter.mailSubject(),
                letter.mailBody(),
                "credit-note-" + creditNoteId,
                letter.document().getId());
        if (written) {
            audit.record(
                    "system",
                    "CREDIT_NOTE_SENT",
                    "invoice",
                    adjusted.invoiceId(),
                    letter.title() + " to " + email + ", " + letter.document().getFileName() + " ("
                            + letter.document().getLanguage() + ")",
                    null);
        }
    }
}
