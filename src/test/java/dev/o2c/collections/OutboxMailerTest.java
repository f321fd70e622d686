package dev.o2c.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.o2c.billing.Invoice;
import dev.o2c.customers.Customer;
import dev.o2c.support.Api;
import dev.o2c.support.IntegrationTest;
import dev.o2c.support.Scenario;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/** With SMTP configured, outbox e-mails really go out; without it they stay readable in the outbox. */
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
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @Autowired
    Api api;

    @Test
    void pendingRemindersAreSentOverSmtp() throws Exception {
        Customer customer = scenario.customer("5000");
        Invoice invoice = collection.invoiceFor(customer, "300.00");
        dunning.sendReminder(invoice.getId(), 1, BigDecimal.ZERO, BigDecimal.ZERO);
        long emailId = outbox.findByDedupKey("reminder-" + invoice.getId() + "-1")
                .orElseThrow()
                .getId();

        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(smtp.getSmtp().getPort());
            // the bean only exists when spring.mail.host is set; built by hand here to keep one test context
            OutboxMailer mailer = new OutboxMailer(outbox, sender, new CollectionsProperties("ar@o2c.example"), clock);
            transactions.executeWithoutResult(status -> mailer.sendPending());

            MimeMessage sent = java.util.Arrays.stream(smtp.getReceivedMessages())
                    .filter(message -> subject(message).contains(invoice.getNumber()))
                    .findFirst()
                    .orElseThrow();
            assertThat(sent.getAllRecipients()[0].toString()).isEqualTo(customer.getEmail());
            assertThat(sent.getFrom()[0].toString()).isEqualTo("ar@o2c.example");
            OutboxEmail email = outbox.findById(emailId).orElseThrow();
            assertThat(email.getStatus()).isEqualTo(OutboxEmail.Status.SENT);
            assertThat(email.getSentAt()).isNotNull();
        } finally {
            smtp.stop();
        }
    }

    @Test
    void collectorsReadTheOutbox() {
        Customer customer = scenario.customer("5000");
        Invoice invoice = collection.invoiceFor(customer, "70.00");
        dunning.sendReminder(invoice.getId(), 1, BigDecimal.ZERO, BigDecimal.ZERO);

        Api.Response response = api.get("collector", "/api/outbox");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().toString()).contains(invoice.getNumber(), customer.getEmail());
        assertThat(api.get("sales", "/api/outbox").status()).isEqualTo(403);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
