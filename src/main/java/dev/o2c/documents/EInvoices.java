package dev.o2c.documents;

import dev.o2c.billing.Invoice;
import dev.o2c.customers.Customer;
import dev.o2c.orders.OrderLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.mustangproject.BankDetails;
import org.mustangproject.CII.CIIToUBL;
import org.mustangproject.Contact;
import org.mustangproject.Item;
import org.mustangproject.Product;
import org.mustangproject.SchemedID;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;

/**
 * E-invoices through Mustang: the invoice as EN 16931 data (seller from configuration, buyer from the customer, lines
 * from the order, tax from the invoice), written as Factur-X / ZUGFeRD 2 (profile EN 16931, the CII XML inside a
 * PDF/A-3 of our invoice PDF) or converted to UBL 2.1 with the Peppol BIS Billing 3.0 identifiers.
 */
final class EInvoices {

    static final String PEPPOL_CUSTOMIZATION =
            "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    static final String PEPPOL_PROFILE = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
    /** UN/ECE Recommendation 20 "one" (piece): order quantities carry no unit of their own. */
    private static final String UNIT_PIECE = "C62";

    private EInvoices() {}

    static byte[] facturX(InvoiceFacts facts, byte[] invoicePdf) {
        try (ZUGFeRDExporterFromA3 exporter = new ZUGFeRDExporterFromA3()) {
            // our PDF is made PDF/A-3 by the exporter (XMP metadata, sRGB output intent); its fonts are embedded
            exporter.ignorePDFAErrors()
                    .load(invoicePdf)
                    .setProducer("o2c-credit")
                    .setCreator(facts.seller().name())
                    .setZUGFeRDVersion(2)
                    .setProfile(Profiles.getByName("EN16931"));
            exporter.setTransaction(invoice(facts));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exporter.export(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] cii(InvoiceFacts facts) {
        ZUGFeRD2PullProvider provider = new ZUGFeRD2PullProvider();
        provider.setProfile(Profiles.getByName("EN16931"));
        provider.generateXML(invoice(facts));
        return provider.getXML();
    }

    static byte[] ubl(InvoiceFacts facts) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("o2c-ubl");
            Path cii = dir.resolve("cii.xml");
            Path ubl = dir.resolve("ubl.xml");
            Files.write(cii, cii(facts));
            new CIIToUBL().convert(cii.toFile(), ubl.toFile(), PEPPOL_PROFILE, PEPPOL_CUSTOMIZATION);
            if (!Files.exists(ubl) || Files.size(ubl) == 0) {
                throw new IllegalStateException(
                        "the CII to UBL conversion of " + facts.invoice().getNumber() + " produced nothing");
            }
            return Files.readAllBytes(ubl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * Mustang computes the totals itself from the lines (EN 16931: line net = price x quantity, VAT = net x rate, both
     * rounded half up to cents). An e-invoice must say what the legal invoice says, so an invoice whose stored net or
     * tax differ from that computation is refused instead of sent with other figures. Billing rounds the same way
     * (Amounts.round, half up); this guard catches an invoice issued under another rule or a later change of it.
     */
    static void checkSameFigures(InvoiceFacts facts) {
        Invoice invoice = facts.invoice();
        BigDecimal net = facts.lines().stream()
                .map(line -> line.getUnitPrice().multiply(line.getQuantity()).setScale(2, RoundingMode.HALF_UP))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tax = net.multiply(facts.customer().getTaxRate()).setScale(2, RoundingMode.HALF_UP);
        if (net.compareTo(invoice.getNetAmount()) != 0 || tax.compareTo(invoice.getTaxAmount()) != 0) {
            throw new IllegalDocumentTransitionException("invoice " + invoice.getNumber() + " has net "
                    + invoice.getNetAmount() + " and VAT " + invoice.getTaxAmount() + ", but EN 16931 computes net "
                    + net + " and VAT " + tax + " from its lines (rounding half up): no e-invoice with other figures"
                    + " than the invoice is issued");
        }
    }

    private static org.mustangproject.Invoice invoice(InvoiceFacts facts) {
        checkSameFigures(facts);
        Invoice invoice = facts.invoice();
        Customer customer = facts.customer();
        CompanyProperties seller = facts.seller();
        BigDecimal vatPercent = customer.getTaxRate().movePointRight(2);
        TradeParty sender = new TradeParty(
                        seller.name(), seller.street(), seller.postalCode(), seller.city(), seller.countryCode())
                .addVATID(seller.vatId())
                .addBankDetails(new BankDetails(seller.iban(), seller.bic()));
        sender.addUriUniversalCommunicationID(electronicAddress(seller.peppolId(), seller.email()));
        if (seller.contactName() != null) {
            // BG-6: Peppol's German rules (DE-R-002) want the seller's contact
            sender.setContact(new Contact(seller.contactName(), seller.phone(), seller.email()));
        }
        TradeParty recipient = new TradeParty(
                customer.getName(),
                customer.getStreet(),
                customer.getPostalCode(),
                customer.getCity(),
                customer.getCountryCode());
        recipient.setID(String.valueOf(customer.getId()));
        recipient.addUriUniversalCommunicationID(electronicAddress(customer.getPeppolId(), customer.getEmail()));
        org.mustangproject.Invoice result = new org.mustangproject.Invoice()
                .setNumber(invoice.getNumber())
                .setCurrency(invoice.getCurrency())
                .setIssueDate(date(invoice.getIssueDate()))
                .setDueDate(date(invoice.getDueDate()))
                .setDeliveryDate(date(invoice.getIssueDate()))
                .setSender(sender)
                .setRecipient(recipient)
                // BT-10 buyer reference: Peppol BIS asks for it or an order reference; we give both
                .setReferenceNumber(String.valueOf(customer.getId()))
                .setBuyerOrderReferencedDocumentID(String.valueOf(invoice.getOrderId()))
                .setPaymentReference(invoice.getCreditorReference());
        for (OrderLine line : facts.lines()) {
            Product product = new Product(line.getSku(), line.getDescription(), UNIT_PIECE, vatPercent);
            if (vatPercent.signum() == 0) {
                // zero rated goods (EN 16931 category Z): needs no exemption reason
                product.setTaxCategoryCode("Z");
            }
            result.addItem(new Item(product, line.getUnitPrice(), line.getQuantity()));
        }
        return result;
    }

    /** The Peppol participant where there is one (Peppol allows no e-mail scheme), else the e-mail address (EM). */
    private static SchemedID electronicAddress(String peppolId, String email) {
        if (peppolId != null && peppolId.indexOf(':') > 0) {
            int colon = peppolId.indexOf(':');
            return new SchemedID(peppolId.substring(0, colon), peppolId.substring(colon + 1));
        }
        return new SchemedID("EM", email);
    }

    private static Date date(LocalDate date) {
        // noon UTC: the same calendar day in every time zone Mustang may format it in
        return Date.from(date.atTime(12, 0).toInstant(ZoneOffset.UTC));
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
