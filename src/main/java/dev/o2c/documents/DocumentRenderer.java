package dev.o2c.documents;

import dev.o2c.billing.CreditNote;
import dev.o2c.billing.Invoice;
import dev.o2c.customers.Customer;
import dev.o2c.ledger.CustomerStatements;
import dev.o2c.orders.OrderLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lays out the invoice, its credit notes, the reminder letters and the account statement from a language's template. */
final class DocumentRenderer {

    private static final float TITLE = 16;
    private static final float BODY = 10;
    private static final float SMALL = 8;
    private static final float[] LINE_COLUMNS = {PdfPages.LEFT, PdfPages.LEFT + 30, -380, -460, -PdfPages.RIGHT};
    private static final float[] TOTAL_COLUMNS = {PdfPages.LEFT + 250, -PdfPages.RIGHT};
    private static final float HEADING = 12;
    private static final float TABLE = 9;
    /** Invoice, invoice date, due date, amount, open, days overdue. */
    private static final float[] ITEM_COLUMNS = {
        PdfPages.LEFT, PdfPages.LEFT + 95, PdfPages.LEFT + 180, -375, -455, -PdfPages.RIGHT
    };
    /** Credit note, date, invoice, total, held as credit. */
    private static final float[] CREDIT_COLUMNS = {
        PdfPages.LEFT, PdfPages.LEFT + 95, PdfPages.LEFT + 180, -400, -PdfPages.RIGHT
    };
    /** The balance rows: labels longer than the invoice's totals. */
    private static final float[] BALANCE_COLUMNS = {PdfPages.LEFT + 200, -PdfPages.RIGHT};

    private DocumentRenderer() {}

    static byte[] invoice(InvoiceFacts facts, Wording words) {
        Invoice invoice = facts.invoice();
        Customer customer = facts.customer();
        String currency = invoice.getCurrency();
        try (PdfPages pdf = new PdfPages(
                words.text("invoice.title", invoice.getNumber()), words.language(), footer(facts.seller(), words))) {
            letterhead(pdf, facts.seller(), customer, words);
            pdf.line(words.text("invoice.title", invoice.getNumber()), TITLE).gap(4);
            float[] meta = {PdfPages.LEFT, PdfPages.LEFT + 140};
            pdf.row(BODY, meta, words.text("invoice.number"), invoice.getNumber());
            pdf.row(BODY, meta, words.text("invoice.date"), words.date(invoice.getIssueDate()));
            pdf.row(BODY, meta, words.text("invoice.dueDate"), words.date(invoice.getDueDate()));
            pdf.row(BODY, meta, words.text("invoice.customer"), String.valueOf(customer.getId()));
            pdf.row(BODY, meta, words.text("invoice.order"), String.valueOf(invoice.getOrderId()));
            pdf.gap(BODY);
            pdf.row(
                    BODY,
                    LINE_COLUMNS,
                    words.text("line.position"),
                    words.text("line.description"),
                    words.text("line.quantity"),
                    words.text("line.unitPrice"),
                    words.text("line.amount"));
            for (OrderLine line : facts.lines()) {
                pdf.row(
                        BODY,
                        LINE_COLUMNS,
                        String.valueOf(line.getLineNo()),
                        pdf.fit(description(line), BODY, 220),
                        words.plain(line.getQuantity()),
                        words.money(line.getUnitPrice(), currency),
                        words.money(line.getLineAmount(), currency));
            }
            pdf.gap(BODY);
            pdf.row(BODY, TOTAL_COLUMNS, words.text("invoice.net"), words.money(invoice.getNetAmount(), currency));
            pdf.row(
                    BODY,
                    TOTAL_COLUMNS,
                    words.text("invoice.tax", words.plain(customer.getTaxRate().movePointRight(2))),
                    words.money(invoice.getTaxAmount(), currency));
            pdf.row(BODY, TOTAL_COLUMNS, words.text("invoice.total"), words.money(invoice.getTotalAmount(), currency));
            pdf.gap(BODY);
            pdf.paragraph(
                    words.text(
                            "invoice.payment",
                            words.money(invoice.getTotalAmount(), currency),
                            words.date(invoice.getDueDate()),
                            facts.seller().iban(),
                            invoice.getCreditorReference()),
                    BODY);
            if (invoice.getDiscountDate() != null && invoice.getDiscountRate().signum() > 0) {
                pdf.paragraph(
                        words.text(
                                "invoice.discount",
                                words.date(invoice.getDiscountDate()),
                                words.plain(invoice.getDiscountRate().movePointRight(2))),
                        BODY);
            }
            pdf.gap(BODY).paragraph(words.text("invoice.thanks"), BODY);
            return pdf.toBytes();
        }
    }

    static byte[] creditNote(InvoiceFacts facts, CreditNote note, Wording words) {
        Invoice invoice = facts.invoice();
        Customer customer = facts.customer();
        String currency = note.getCurrency();
        try (PdfPages pdf = new PdfPages(
                words.text("creditNote.title", note.getNumber()), words.language(), footer(facts.seller(), words))) {
            letterhead(pdf, facts.seller(), customer, words);
            pdf.line(words.text("creditNote.title", note.getNumber()), TITLE).gap(4);
            float[] meta = {PdfPages.LEFT, PdfPages.LEFT + 140};
            pdf.row(BODY, meta, words.text("creditNote.number"), note.getNumber());
            pdf.row(BODY, meta, words.text("creditNote.date"), words.date(note.getIssueDate()));
            pdf.row(BODY, meta, words.text("creditNote.invoice"), invoice.getNumber());
            pdf.row(BODY, meta, words.text("creditNote.invoiceDate"), words.date(invoice.getIssueDate()));
            pdf.row(BODY, meta, words.text("invoice.customer"), String.valueOf(customer.getId()));
            pdf.gap(BODY);
            pdf.paragraph(words.text("creditNote.reason", note.getReason()), BODY);
            pdf.gap(BODY);
            pdf.row(BODY, TOTAL_COLUMNS, words.text("invoice.net"), words.money(note.getNetAmount(), currency));
            pdf.row(
                    BODY,
                    TOTAL_COLUMNS,
                    words.text("invoice.tax", words.plain(customer.getTaxRate().movePointRight(2))),
                    words.money(note.getTaxAmount(), currency));
            pdf.row(BODY, TOTAL_COLUMNS, words.text("creditNote.total"), words.money(note.getTotalAmount(), currency));
            pdf.gap(BODY);
            if (note.getAppliedAmount().signum() > 0) {
                pdf.paragraph(
                        words.text(
                                "creditNote.applied",
                                words.money(note.getAppliedAmount(), currency),
                                invoice.getNumber()),
                        BODY);
            }
            if (note.getCustomerCreditAmount().signum() > 0) {
                pdf.paragraph(
                        words.text("creditNote.customerCredit", words.money(note.getCustomerCreditAmount(), currency)),
                        BODY);
            }
            pdf.gap(BODY)
                    .line(words.text("letter.closing"), BODY)
                    .line(facts.seller().name(), BODY);
            return pdf.toBytes();
        }
    }

    static byte[] reminder(
            InvoiceFacts facts, ReminderLetterRequest request, LocalDate today, String title, Wording words) {
        Invoice invoice = facts.invoice();
        Customer customer = facts.customer();
        String currency = invoice.getCurrency();
        try (PdfPages pdf =
                new PdfPages(title + " " + invoice.getNumber(), words.language(), footer(facts.seller(), words))) {
            letterhead(pdf, facts.seller(), customer, words);
            pdf.line(words.text("letter.date", words.date(today)), BODY).gap(BODY);
            pdf.line(title, TITLE).gap(4);
            pdf.paragraph(words.text("letter.salutation", customer.getName()), BODY)
                    .gap(4);
            pdf.paragraph(
                    words.text(
                            "reminder.intro",
                            invoice.getNumber(),
                            words.date(invoice.getIssueDate()),
                            words.date(invoice.getDueDate()),
                            String.valueOf(request.daysOverdue())),
                    BODY);
            pdf.gap(4);
            pdf.row(
                    BODY,
                    TOTAL_COLUMNS,
                    words.text("reminder.invoiceAmount"),
                    words.money(invoice.getTotalAmount(), currency));
            if (request.fee().signum() > 0) {
                pdf.row(BODY, TOTAL_COLUMNS, words.text("reminder.fee"), words.money(request.fee(), currency));
            }
            if (request.interest().signum() > 0) {
                pdf.row(BODY, TOTAL_COLUMNS, interestLabel(request, words), words.money(request.interest(), currency));
            }
            pdf.row(BODY, TOTAL_COLUMNS, words.text("reminder.due"), words.money(request.openAmount(), currency));
            pdf.gap(BODY);
            pdf.paragraph(
                    words.text(
                            "reminder.request",
                            words.money(request.openAmount(), currency),
                            facts.seller().iban(),
                            invoice.getCreditorReference()),
                    BODY);
            if (request.level() >= 3) {
                pdf.gap(4).paragraph(words.text("reminder.finalWarning"), BODY);
            }
            pdf.gap(4).paragraph(words.text("reminder.paidMeanwhile"), BODY);
            pdf.gap(BODY)
                    .line(words.text("letter.closing"), BODY)
                    .line(facts.seller().name(), BODY);
            return pdf.toBytes();
        }
    }

    static byte[] accountStatement(StatementFacts facts, Wording words) {
        Customer customer = facts.customer();
        String title = words.text("statement.title");
        try (PdfPages pdf = new PdfPages(
                title + " " + customer.getId() + " " + facts.asOf(), words.language(), footer(facts.seller(), words))) {
            letterhead(pdf, facts.seller(), customer, words);
            pdf.line(title, TITLE).gap(4);
            float[] meta = {PdfPages.LEFT, PdfPages.LEFT + 140};
            pdf.row(BODY, meta, words.text("invoice.customer"), String.valueOf(customer.getId()));
            pdf.row(BODY, meta, words.text("statement.asOf"), words.date(facts.asOf()));
            pdf.gap(BODY);
            pdf.paragraph(words.text("letter.salutation", customer.getName()), BODY)
                    .gap(4)
                    .paragraph(words.text("statement.intro", words.date(facts.asOf())), BODY)
                    .gap(BODY);
            openItems(pdf, facts, words);
            credits(pdf, facts, words);
            pdf.line(words.text("statement.balances"), HEADING).gap(2);
            if (facts.balances().isEmpty()) {
                pdf.line(words.text("statement.noBalance"), BODY);
            }
            for (CustomerStatements.Balance balance : facts.balances()) {
                String currency = balance.currency();
                pdf.row(
                        BODY,
                        BALANCE_COLUMNS,
                        words.text("statement.receivable", currency),
                        words.money(balance.receivable(), currency));
                if (balance.unappliedCash().signum() != 0) {
                    pdf.row(
                            BODY,
                            BALANCE_COLUMNS,
                            words.text("statement.unapplied"),
                            words.money(balance.unappliedCash().negate(), currency));
                }
                if (balance.customerCredit().signum() != 0) {
                    pdf.row(
                            BODY,
                            BALANCE_COLUMNS,
                            words.text("statement.customerCredit"),
                            words.money(balance.customerCredit().negate(), currency));
                }
                pdf.row(
                        BODY,
                        BALANCE_COLUMNS,
                        words.text("statement.balance", currency),
                        words.money(balance.balance(), currency));
                pdf.gap(4);
            }
            pdf.gap(BODY)
                    .paragraph(words.text("statement.request", facts.seller().iban()), BODY)
                    .gap(4)
                    .paragraph(words.text("statement.questions"), BODY);
            pdf.gap(BODY)
                    .line(words.text("letter.closing"), BODY)
                    .line(facts.seller().name(), BODY);
            return pdf.toBytes();
        }
    }

    private static void openItems(PdfPages pdf, StatementFacts facts, Wording words) {
        pdf.line(words.text("statement.openItems"), HEADING).gap(2);
        if (facts.openItems().isEmpty()) {
            pdf.line(words.text("statement.noOpenItems"), BODY).gap(BODY);
            return;
        }
        pdf.row(
                TABLE,
                ITEM_COLUMNS,
                words.text("statement.item"),
                words.text("invoice.date"),
                words.text("invoice.dueDate"),
                words.text("line.amount"),
                words.text("statement.open"),
                words.text("statement.daysOverdue"));
        for (Invoice invoice : facts.openItems()) {
            String currency = invoice.getCurrency();
            pdf.row(
                    TABLE,
                    ITEM_COLUMNS,
                    invoice.getNumber(),
                    words.date(invoice.getIssueDate()),
                    words.date(invoice.getDueDate()),
                    words.money(invoice.getTotalAmount(), currency),
                    words.money(invoice.getOpenAmount(), currency),
                    String.valueOf(invoice.daysOverdue(facts.asOf())));
        }
        pdf.gap(4);
        for (Invoice invoice : facts.openItems()) {
            if (invoice.getChargesAmount().signum() > 0) {
                pdf.paragraph(
                        words.text(
                                "statement.charges",
                                invoice.getNumber(),
                                words.money(invoice.getChargesAmount(), invoice.getCurrency())),
                        BODY);
            }
            BigDecimal disputed = facts.disputed().get(invoice.getId());
            if (disputed != null && disputed.signum() > 0) {
                pdf.paragraph(
                        words.text(
                                "statement.disputed",
                                words.money(disputed, invoice.getCurrency()),
                                invoice.getNumber()),
                        BODY);
            }
        }
        pdf.gap(BODY);
    }

    private static void credits(PdfPages pdf, StatementFacts facts, Wording words) {
        if (facts.creditNotes().isEmpty()) {
            return;
        }
        pdf.line(words.text("statement.credits"), HEADING).gap(2);
        pdf.row(
                TABLE,
                CREDIT_COLUMNS,
                words.text("creditNote.number"),
                words.text("creditNote.date"),
                words.text("creditNote.invoice"),
                words.text("creditNote.total"),
                words.text("statement.heldAsCredit"));
        for (CreditNote note : facts.creditNotes()) {
            String currency = note.getCurrency();
            pdf.row(
                    TABLE,
                    CREDIT_COLUMNS,
                    note.getNumber(),
                    words.date(note.getIssueDate()),
                    facts.invoiceNumbers().get(note.getInvoiceId()),
                    words.money(note.getTotalAmount(), currency),
                    words.money(note.getCustomerCreditAmount(), currency));
        }
        pdf.gap(BODY);
    }

    /** "Late-payment interest (10.15 % a year, 14 days)" when the rate is known. */
    static String interestLabel(ReminderLetterRequest request, Wording words) {
        return request.interestRate() == null
                ? words.text("reminder.interest")
                : words.text(
                        "reminder.interestFor",
                        words.plain(request.interestRate()),
                        String.valueOf(request.interestDays()));
    }

    private static void letterhead(PdfPages pdf, CompanyProperties seller, Customer customer, Wording words) {
        pdf.line(seller.name(), 12);
        pdf.line(join(seller.street(), join(seller.postalCode(), seller.city(), " "), ", "), SMALL);
        pdf.gap(BODY * 2);
        for (String line : address(customer, words.locale())) {
            pdf.line(line, BODY);
        }
        pdf.gap(BODY * 2);
    }

    /** The customer's name and address as lines, the country named in the letter's language; unknown parts left out. */
    static List<String> address(Customer customer, Locale language) {
        List<String> lines = new ArrayList<>();
        lines.add(customer.getName());
        if (customer.getStreet() != null) {
            lines.add(customer.getStreet());
        }
        String place = join(customer.getPostalCode(), customer.getCity(), " ");
        if (!place.isEmpty()) {
            lines.add(place);
        }
        if (customer.getCountryCode() != null) {
            lines.add(Locale.of("", customer.getCountryCode()).getDisplayCountry(language));
        }
        return lines;
    }

    private static String description(OrderLine line) {
        return line.getDescription() == null || line.getDescription().isBlank()
                ? line.getSku()
                : line.getSku() + " " + line.getDescription();
    }

    private static String footer(CompanyProperties seller, Wording words) {
        return words.text("footer", seller.name(), seller.vatId(), seller.iban());
    }

    private static String join(String a, String b, String separator) {
        if (a == null || a.isBlank()) {
            return b == null ? "" : b;
        }
        return b == null || b.isBlank() ? a : a + separator + b;
    }
}
