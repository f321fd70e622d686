package dev.o2c.documents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.billing.Invoice;
import dev.o2c.customers.Customer;
import dev.o2c.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.mustangproject.ZUGFeRD.ZUGFeRDImporter;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The e-invoices pass the standard's rules, not only a parser: Mustang's validator checks the Factur-X PDF (PDF/A-3
 * with veraPDF, the CII XML against its schema and the EN 16931 schematron); the UBL is checked against the UBL 2.1
 * schema and the EN 16931 UBL schematron.
 */
@IntegrationTest
class EInvoiceValidationTest {

    @Autowired
    DocumentFixture fixture;

    @Autowired
    CustomerDocuments documents;

    @Test
    void facturXIsAValidEn16931Invoice() throws Exception {
        Customer customer = fixture.customer("Müller & Söhne GmbH", "de", DocumentFixture.address());
        Invoice invoice = fixture.invoice(customer);

        Document facturX = documents.eInvoice(invoice.getId(), EInvoiceFormat.FACTURX);

        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(facturX.getContent(), facturX.getFileName());
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
        assertThat(report).contains("EN16931");
        // the embedded XML carries the invoice's own figures
        ZUGFeRDImporter imported = new ZUGFeRDImporter(new ByteArrayInputStream(facturX.getContent()));
        assertThat(imported.getInvoiceID()).isEqualTo(invoice.getNumber());
        String xml = new String(imported.getRawXML(), StandardCharsets.UTF_8);
        assertThat(xml).contains("537.52", "85.82", "451.70", "Müller &amp; Söhne GmbH", "DE123456789");
        // and the PDF still shows the German invoice
        assertThat(DocumentFixture.text(facturX.getContent())).contains("Rechnung " + invoice.getNumber());
        assertThat(documents.eInvoice(invoice.getId(), EInvoiceFormat.FACTURX).getId())
                .isEqualTo(facturX.getId());
    }

    @Test
    void ublIsValidUbl21AndEn16931InThePeppolProfile() throws Exception {
        Customer customer = fixture.customer("Acme Ltd", "en", DocumentFixture.address());
        Invoice invoice = fixture.invoice(customer);

        Document ubl = documents.eInvoice(invoice.getId(), EInvoiceFormat.UBL);
        String xml = new String(ubl.getContent(), StandardCharsets.UTF_8);

        assertThat(xml)
                .contains("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2")
                .contains(EInvoices.PEPPOL_CUSTOMIZATION, EInvoices.PEPPOL_PROFILE)
                .contains(invoice.getNumber(), "537.52", "85.82");
        ublSchema().newValidator().validate(new StreamSource(new ByteArrayInputStream(ubl.getContent())));

        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(ubl.getContent(), ubl.getFileName());
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
    }

    /** The UBL 2.1 Invoice schema as Mustang's validator carries it (OASIS UBL 2.1, with its common modules). */
    private static Schema ublSchema() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        var url = ZUGFeRDValidator.class.getResource("/schema/UBL_21/maindoc/UBL-Invoice-2.1.xsd");
        assertThat(url).as("UBL 2.1 schema on the class path").isNotNull();
        return factory.newSchema(url);
    }
}
