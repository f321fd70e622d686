package dev.o2c.documents;

import dev.o2c.billing.CreditNote;
import dev.o2c.billing.Invoice;
import dev.o2c.customers.Customer;
import dev.o2c.orders.OrderLine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lays out the invoice, its credit notes and the reminder letters from a language's template. */
final class DocumentRenderer {

    private static final float TITLE = 16;
    private static final float BODY = 10;
    private static final float SMALL = 8;
    private static final float[] LINE_COLUMNS = {PdfPages.LEFT, PdfPages.LEFT + 30, -380, -460, -PdfPages.RIGHT};
    private static final float[] TOTAL_COLUMNS = {PdfPages.LEFT + 250, -PdfPages.RIGHT};

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
