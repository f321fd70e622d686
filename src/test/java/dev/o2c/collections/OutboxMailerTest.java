package dev.o2c.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.o2c.billing.Invoice;
import dev.o2c.customers.Customer;
import dev.o2c.documents.CustomerDocuments;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * With SMTP configured, outbox e-mails really go out, over a real SMTP server (GreenMail on a free port), once each and
 * with their letter attached; a refusing server means a later retry. Without SMTP they stay readable in the outbox.
 */
@IntegrationTest
class OutboxMailerTest {

    @Autowired
    CollectionScenario collection;

    @Autowired
    Scenario scenario;

    @Autowired
    DunningService dunning;

    @Autowired
    OutboxEmailRepository outbox;

    @Autowired
    CustomerDocuments documents;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Clock clock;

    @Autowired
    Api api;

    @Test
    void aReminderGoesOutOnceWithItsLetterEvenWhenTheJobRunsTwice() throws Exception {
        Customer customer = scenario.customer("5000");
        Invoice invoice = collection.invoiceFor(customer, "300.00");
        dunning.sendReminder(invoice.getId(), 1, DunningService.Charges.NONE);
        OutboxEmail pending =
                outbox.findByDedupKey("reminder-" + invoice.getId() + "-1").orElseThrow();
        assertThat(pending.getAttachmentDocumentId()).isNotNull();

        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            OutboxMailer mailer = mailer(smtp.getSmtp().getPort(), Duration.ofMinutes(5));
            sendUntil(mailer, pending.getId(), email -> email.getStatus() == OutboxEmail.Status.SENT);
            mailer.sendPending(); // a second run sends nothing twice

            List<MimeMessage> received = receivedFor(smtp, invoice);
            assertThat(received).hasSize(1);
            MimeMessage sent = received.getFirst();
            assertThat(sent.getAllRecipients()[0].toString()).isEqualTo(customer.getEmail());
            assertThat(sent.getFrom()[0].toString()).isEqualTo("ar@o2c.example");
            assertThat(sent.getSubject()).isEqualTo("Payment reminder: invoice " + invoice.getNumber());
            assertThat(sent.getMessageID()).isEqualTo(pending.getMessageId());
            BodyPart attachment = attachment(sent);
            assertThat(attachment.getContentType()).startsWith("application/pdf");
            assertThat(attachment.getFileName()).isEqualTo(invoice.getNumber() + "-reminder-1.pdf");
            byte[] pdf = attachment.getInputStream().readAllBytes();
            assertThat(pdf)
                    .isEqualTo(documents.get(pending.getAttachmentDocumentId()).getContent());
            assertThat(text(pdf)).contains("Payment reminder", invoice.getNumber(), invoice.getCreditorReference());

            OutboxEmail email = outbox.findById(pending.getId()).orElseThrow();
            assertThat(email.getStatus()).isEqualTo(OutboxEmail.Status.SENT);
            assertThat(email.getAttempts()).isEqualTo(1);
            assertThat(email.getSentAt()).isNotNull();
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aRefusingServerMeansARetryLater() throws Exception {
        Customer customer = scenario.customer("5000");
        Invoice invoice = collection.invoiceFor(customer, "120.00");
        dunning.sendReminder(invoice.getId(), 1, DunningService.Charges.NONE);
        long emailId = outbox.findByDedupKey("reminder-" + invoice.getId() + "-1")
                .orElseThrow()
                .getId();
        int port = freePort();

        // nothing listens on the port: the attempt fails, the e-mail waits for its next attempt
        OutboxMailer later = mailer(port, Duration.ofHours(1));
        sendUntil(later, emailId, email -> email.getAttempts() > 0);
        OutboxEmail failedOnce = outbox.findById(emailId).orElseThrow();
        assertThat(failedOnce.getStatus()).isEqualTo(OutboxEmail.Status.PENDING);
        assertThat(failedOnce.getAttempts()).isEqualTo(1);
        assertThat(failedOnce.getError()).isNotBlank();
        assertThat(failedOnce.getNextAttemptAt()).isAfter(clock.instant().plus(Duration.ofMinutes(59)));

        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            // before its time the e-mail is not tried again
            later.sendPending();
            assertThat(receivedFor(smtp, invoice)).isEmpty();

            // an hour later (the engine's clock, which the application's follows) the retry is due
            scenario.advance(Duration.ofMinutes(61));
            sendUntil(later, emailId, email -> email.getStatus() == OutboxEmail.Status.SENT);
            assertThat(receivedFor(smtp, invoice)).hasSize(1);
            OutboxEmail sent = outbox.findById(emailId).orElseThrow();
            assertThat(sent.getStatus()).isEqualTo(OutboxEmail.Status.SENT);
            assertThat(sent.getError()).isNull();
        } finally {
            smtp.stop();
        }
    }

    @Test
    void collectorsReadTheOutbox() {
        Customer customer = scenario.customer("5000");
        Invoice invoice = collection.invoiceFor(customer, "70.00");
        dunning.sendReminder(invoice.getId(), 1, DunningService.Charges.NONE);

        Api.Response response = api.get("collector", "/api/outbox");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().toString()).contains(invoice.getNumber(), customer.getEmail());
        var email = java.util.stream.StreamSupport.stream(response.body().spliterator(), false)
                .filter(node -> node.path("subject").asText().contains(invoice.getNumber()))
                .findFirst()
                .orElseThrow();
        assertThat(email.path("status").asText()).isEqualTo("PENDING");
        assertThat(email.path("attempts").asInt()).isZero();
        assertThat(email.path("attachment").asText()).startsWith("/api/documents/");
        assertThat(api.get("sales", "/api/outbox").status()).isEqualTo(403);
    }

    /**
     * Runs the sender until it has dealt with this e-mail: a run takes at most a batch, and the shared test database
     * holds other tests' reminders, due before this one (at most 40 runs, so a sender that never gets there fails).
     */
    private void sendUntil(OutboxMailer mailer, long emailId, java.util.function.Predicate<OutboxEmail> done) {
        for (int run = 0; run < 40; run++) {
            mailer.sendPending();
            if (done.test(outbox.findById(emailId).orElseThrow())) {
                return;
            }
        }
        throw new AssertionError("the sender did not reach e-mail " + emailId + " in 40 runs");
    }

    /** The bean only exists when spring.mail.host is set; built by hand here to keep one test context. */
    private OutboxMailer mailer(int port, Duration retryDelay) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
        return new OutboxMailer(
                outbox,
                sender,
                documents,
                new CollectionsProperties("ar@o2c.example"),
                clock,
                retryDelay,
                5,
                transactionManager);
    }

    private static List<MimeMessage> receivedFor(GreenMail smtp, Invoice invoice) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> GreenMailUtil.getHeaders(message).contains(invoice.getNumber()))
                .toList();
    }

    private static BodyPart attachment(MimeMessage message) throws MessagingException, IOException {
        MimeMultipart parts = (MimeMultipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                return parts.getBodyPart(i);
            }
        }
        throw new AssertionError("no attachment in " + message.getSubject());
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
