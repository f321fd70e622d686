package dev.o2c.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.peppol.PeppolValidation;
import com.helger.phive.peppol.PeppolValidation2024_11;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import dev.o2c.billing.Invoice;
import dev.o2c.customers.Customer;
import dev.o2c.customers.PostalAddress;
import dev.o2c.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
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
 * schema, the EN 16931 UBL schematron and the OpenPEPPOL BIS Billing 3.0 rules (phive-rules-peppol).
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
    void ublIsValidUbl21En16931AndPeppolBisBilling3() throws Exception {
        Customer customer = fixture.customer(
                "Acme Ltd", "en", new PostalAddress("Hauptstrasse 5", "80331", "München", "DE", "0088:4012345000009"));
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

        assertThat(peppolErrors(ubl.getContent())).isEmpty();
    }

    /** The OpenPEPPOL BIS Billing 3.0 rules (UBL schema, CEN EN 16931 and Peppol schematrons) as phive runs them. */
    private static List<String> peppolErrors(byte[] xml) throws Exception {
        ValidationExecutorSetRegistry<IValidationSourceXML> registry = new ValidationExecutorSetRegistry<>();
        PeppolValidation.initStandard(registry);
        IValidationExecutorSet<IValidationSourceXML> rules =
                registry.getOfID(PeppolValidation2024_11.VID_OPENPEPPOL_INVOICE_UBL_V3);
        assertThat(rules).as("Peppol BIS Billing 3.0 invoice rules").isNotNull();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document dom = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        ValidationResultList result =
                ValidationExecutionManager.executeValidation(rules, ValidationSourceXML.create("ubl.xml", dom));
        List<String> errors = new ArrayList<>();
        result.forEachFlattened(error -> {
            if (error.isError()) {
                errors.add(error.getAsString(Locale.ENGLISH));
            }
        });
        return errors;
    }

    /** The UBL 2.1 Invoice schema as Mustang's validator carries it (OASIS UBL 2.1, with its common modules). */
    private static Schema ublSchema() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        var url = ZUGFeRDValidator.class.getResource("/schema/UBL_21/maindoc/UBL-Invoice-2.1.xsd");
        assertThat(url).as("UBL 2.1 schema on the class path").isNotNull();
        return factory.newSchema(url);
    }
}
