package dev.o2c.documents;

import dev.o2c.billing.CreditNote;
import dev.o2c.billing.CreditNotes;
import dev.o2c.billing.Invoice;
import dev.o2c.billing.InvoiceService;
import dev.o2c.customers.Customer;
import dev.o2c.customers.CustomerService;
import dev.o2c.ledger.CustomerStatements;
import dev.o2c.orders.OrderService;
import dev.o2c.platform.audit.AuditLog;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents customers receive. Each is generated the first time it is asked for and kept: asking again (a
 * redelivered job, a second download) returns the same bytes.
 */
@Service
public class CustomerDocuments {

    private final DocumentRepository documents;
    private final InvoiceService invoices;
    private final CreditNotes creditNotes;
    private final CustomerService customers;
    private final OrderService orders;
    private final CompanyProperties company;
    private final CustomerStatements statements;
    private final ObjectProvider<DisputedInvoices> disputes;
    private final AuditLog audit;
    private final Clock clock;

    CustomerDocuments(
            DocumentRepository documents,
            InvoiceService invoices,
            CreditNotes creditNotes,
            CustomerService customers,
            OrderService orders,
            CompanyProperties company,
            CustomerStatements statements,
            ObjectProvider<DisputedInvoices> disputes,
            AuditLog audit,
            Clock clock) {
        this.documents = documents;
        this.invoices = invoices;
        this.creditNotes = creditNotes;
        this.customers = customers;
        this.orders = orders;
        this.company = company;
        this.statements = statements;
        this.disputes = disputes;
        this.audit = audit;
        this.clock = clock;
    }

    /** The invoice as PDF in the customer's language. */
    @Transactional
    public Document invoicePdf(long invoiceId) {
        InvoiceFacts facts = facts(invoiceId);
        Wording words = Wording.of(facts.customer().getLanguage());
        String number = facts.invoice().getNumber();
        return keep(
                DocumentKind.INVOICE,
                number,
                words.language(),
                number + ".pdf",
                () -> DocumentRenderer.invoice(facts, words));
    }

    /** A credit note as PDF in the customer's language, kept with the documents of its invoice. */
    @Transactional
    public Document creditNotePdf(long creditNoteId) {
        CreditNote note = creditNotes.get(creditNoteId);
        InvoiceFacts facts = facts(note.getInvoiceId());
        Wording words = Wording.of(facts.customer().getLanguage());
        return keep(
                DocumentKind.CREDIT_NOTE,
                facts.invoice().getNumber() + "/" + note.getNumber(),
                words.language(),
                note.getNumber() + ".pdf",
                () -> DocumentRenderer.creditNote(facts, note, words));
    }

    /**
     * The credit note as PDF (kept, as {@link #creditNotePdf}) with the words of the e-mail that sends it to the
     * customer, in the customer's language.
     */
    @Transactional
    public Letter creditNoteLetter(long creditNoteId) {
        Document document = creditNotePdf(creditNoteId);
        CreditNote note = creditNotes.get(creditNoteId);
        InvoiceFacts facts = facts(note.getInvoiceId());
        Wording words = Wording.of(facts.customer().getLanguage());
        String currency = note.getCurrency();
        String title = words.text("creditNote.title", note.getNumber());
        StringBuilder settled = new StringBuilder();
        if (note.getAppliedAmount().signum() > 0) {
            settled.append(' ')
                    .append(words.text(
                            "creditNote.applied",
                            words.money(note.getAppliedAmount(), currency),
                            facts.invoice().getNumber()));
        }
        if (note.getCustomerCreditAmount().signum() > 0) {
            settled.append(' ')
                    .append(words.text(
                            "creditNote.customerCredit", words.money(note.getCustomerCreditAmount(), currency)));
        }
        return new Letter(
                document,
                title,
                words.text("mail.creditNote.subject", title, facts.invoice().getNumber()),
                words.text(
                        "mail.creditNote.body",
                        facts.customer().getName(),
                        note.getNumber(),
                        words.money(note.getTotalAmount(), currency),
                        facts.invoice().getNumber(),
                        settled.toString(),
                        company.name()));
    }

    /**
     * The reminder letter of the given level (3 and above: the final notice), kept once per invoice and level, with
     * the e-mail words that carry it. The letter says what the request says; a second call returns the letter kept.
     */
    @Transactional
    public Letter reminderLetter(ReminderLetterRequest request) {
        if (request.level() < 1) {
            throw new InvalidDocumentException("level", "must be 1 or more");
        }
        InvoiceFacts facts = facts(request.invoiceId());
        Wording words = Wording.of(facts.customer().getLanguage());
        String number = facts.invoice().getNumber();
        String title = words.text("reminder.title." + Math.min(request.level(), 3));
        DocumentKind kind = request.level() >= 3 ? DocumentKind.FINAL_NOTICE : DocumentKind.REMINDER;
        Document document = keep(
                kind,
                letterReference(number, request.level()),
                words.language(),
                number + "-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + request.level()
                        + ".pdf",
                () -> DocumentRenderer.reminder(facts, request, LocalDate.now(clock), title, words));
        String currency = facts.invoice().getCurrency();
        return new Letter(
                document,
                title,
                words.text("mail.subject", title, number),
                words.text(
                        "mail.body",
                        facts.customer().getName(),
                        number,
                        words.money(request.openAmount(), currency),
                        facts.invoice().getCreditorReference(),
                        company.name(),
                        title,
                        chargesLine(request, words, currency)));
    }

    /** The late-payment charges this reminder adds, for the e-mail; empty when it adds none. */
    private static String chargesLine(ReminderLetterRequest request, Wording words, String currency) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (request.fee().signum() > 0) {
            parts.add(words.text("reminder.fee") + " " + words.money(request.fee(), currency));
        }
        if (request.interest().signum() > 0) {
            parts.add(DocumentRenderer.interestLabel(request, words) + " " + words.money(request.interest(), currency));
        }
        return parts.isEmpty() ? "" : " " + words.text("mail.charges", String.join(", ", parts));
    }

    /**
     * The customer's account statement on {@code asOf} (today when null) as PDF in the customer's language: the
     * invoices issued up to that day and open when the statement is made, with days overdue on that day and what is
     * disputed on them; the credit notes on those invoices and those that left a credit; the balance per currency
     * from the ledger at the end of that day. Kept once per customer and day: asking again returns the same document.
     */
    @Transactional
    public Document accountStatementPdf(long customerId, LocalDate asOf) {
        LocalDate today = LocalDate.now(clock);
        LocalDate day = asOf == null ? today : asOf;
        if (day.isAfter(today)) {
            throw new InvalidDocumentException("asOf", "must not be in the future (today is " + today + ")");
        }
        Customer customer = customers.get(customerId);
        Wording words = Wording.of(customer.getLanguage());
        return keep(
                DocumentKind.ACCOUNT_STATEMENT,
                "customer-" + customerId + "/" + day,
                words.language(),
                "account-statement-" + customerId + "-" + day + ".pdf",
                () -> DocumentRenderer.accountStatement(statementFacts(customer, day), words));
    }

    private StatementFacts statementFacts(Customer customer, LocalDate asOf) {
        long customerId = customer.getId();
        List<Invoice> open = invoices.openFor(customerId).stream()
                .filter(invoice -> !invoice.getIssueDate().isAfter(asOf))
                .filter(invoice -> invoice.getOpenAmount().signum() > 0)
                .toList();
        Map<Long, String> numbers = new HashMap<>();
        open.forEach(invoice -> numbers.put(invoice.getId(), invoice.getNumber()));
        List<CreditNote> credits = creditNotes.forCustomer(customerId).stream()
                .filter(note -> !note.getIssueDate().isAfter(asOf))
                .filter(note -> numbers.containsKey(note.getInvoiceId())
                        || note.getCustomerCreditAmount().signum() > 0)
                .toList();
        credits.forEach(note -> numbers.computeIfAbsent(
                note.getInvoiceId(), id -> invoices.get(id).getNumber()));
        DisputedInvoices disputed = disputes.getIfAvailable();
        return new StatementFacts(
                customer,
                asOf,
                open,
                disputed == null ? Map.of() : disputed.unresolvedByInvoice(customerId),
                credits,
                numbers,
                statements.balancesAsOf(customerId, asOf),
                company);
    }

    /** The reminder or final notice that went out for this invoice and level, if any. */
    @Transactional(readOnly = true)
    public Document sentLetter(long invoiceId, int level) {
        String number = invoices.get(invoiceId).getNumber();
        DocumentKind kind = level >= 3 ? DocumentKind.FINAL_NOTICE : DocumentKind.REMINDER;
        return documents
                .findByKindAndReference(kind, letterReference(number, level))
                .orElseThrow(
                        () -> new DocumentNotFoundException("letter of level " + level + " for invoice", invoiceId));
    }

    /** The invoice as e-invoice: Factur-X (PDF/A-3 with CII XML, EN 16931) or UBL 2.1 (Peppol BIS Billing 3.0). */
    @Transactional
    public Document eInvoice(long invoiceId, EInvoiceFormat format) {
        InvoiceFacts facts = facts(invoiceId);
        checkEn16931(facts);
        String number = facts.invoice().getNumber();
        String language = Wording.of(facts.customer().getLanguage()).language();
        return switch (format) {
            case FACTURX -> {
                byte[] pdf = invoicePdf(invoiceId).getContent();
                yield keep(
                        DocumentKind.FACTURX,
                        number,
                        language,
                        number + "-facturx.pdf",
                        () -> EInvoices.facturX(facts, pdf));
            }
            case UBL -> {
                checkPeppol(facts);
                yield keep(DocumentKind.UBL, number, language, number + "-ubl.xml", () -> EInvoices.ubl(facts));
            }
        };
    }

    @Transactional(readOnly = true)
    public Document get(long documentId) {
        return documents.findById(documentId).orElseThrow(() -> new DocumentNotFoundException("document", documentId));
    }

    /** Every document kept about an invoice: the invoice PDF, e-invoices and the letters. */
    @Transactional(readOnly = true)
    public List<Document> aboutInvoice(long invoiceId) {
        return documents.findAboutReference(invoices.get(invoiceId).getNumber());
    }

    private InvoiceFacts facts(long invoiceId) {
        Invoice invoice = invoices.get(invoiceId);
        Customer customer = customers.get(invoice.getCustomerId());
        return new InvoiceFacts(
                invoice, customer, List.copyOf(orders.get(invoice.getOrderId()).getLines()), company);
    }

    /** EN 16931 needs the buyer's country (BT-55) and the seller's name, country and VAT id (BT-27, BT-40, BT-31). */
    private void checkEn16931(InvoiceFacts facts) {
        if (facts.customer().getCountryCode() == null) {
            throw new IllegalDocumentTransitionException("customer "
                    + facts.customer().getId()
                    + " has no country: an e-invoice names the buyer's country (EN 16931 BT-55);"
                    + " set it with PUT /api/customers/" + facts.customer().getId() + "/contact");
        }
        CompanyProperties seller = facts.seller();
        if (blank(seller.name()) || blank(seller.countryCode()) || blank(seller.vatId()) || blank(seller.iban())) {
            throw new IllegalDocumentTransitionException("the seller is not configured: o2c.company.name,"
                    + " country-code, vat-id and iban are needed for an e-invoice");
        }
    }

    /** Peppol BIS addresses both parties by their Peppol participant id (BT-34, BT-49); e-mail is no Peppol scheme. */
    private void checkPeppol(InvoiceFacts facts) {
        if (blank(facts.customer().getPeppolId())) {
            throw new IllegalDocumentTransitionException(
                    "customer " + facts.customer().getId()
                            + " has no Peppol participant id: a Peppol BIS invoice names the buyer's electronic address"
                            + " (BT-49); set peppolId with PUT /api/customers/"
                            + facts.customer().getId() + "/contact");
        }
        if (blank(facts.seller().peppolId())) {
            throw new IllegalDocumentTransitionException(
                    "the seller's Peppol participant id is not configured (o2c.company.peppol-id, BT-34)");
        }
    }

    private Document keep(
            DocumentKind kind, String reference, String language, String fileName, Supplier<byte[]> render) {
        Optional<Document> kept = documents.findByKindAndReference(kind, reference);
        if (kept.isPresent()) {
            return kept.get();
        }
        byte[] content = render.get();
        documents.insertIfAbsent(
                kind.name(),
                reference,
                language,
                kind.mediaType(),
                fileName,
                content,
                sha256(content),
                clock.instant());
        Document document = documents.findByKindAndReference(kind, reference).orElseThrow();
        audit.record(
                "system",
                "DOCUMENT_GENERATED",
                "document",
                document.getId(),
                kind + " " + reference + " (" + language + "), sha256 " + document.getSha256(),
                null);
        return document;
    }

    private static String letterReference(String invoiceNumber, int level) {
        return invoiceNumber + "/" + level;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
