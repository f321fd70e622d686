package dev.o2c.bankstatements;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o2c.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

@IntegrationTest
class StatementInboxTest {

    @Autowired
    BankStatementImport imports;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path inbox;

    @Test
    void importsDroppedFilesAndSetsAsideBadOnesWithTheReason() throws IOException {
        String messageId = "INBOX-" + UUID.randomUUID().toString().substring(0, 8);
        Files.write(
                inbox.resolve("a-statement.xml"),
                new CamtWriter(messageId, "S1")
                        .credit("12.00", LocalDate.of(2026, 11, 20), "Someone", null, null, "hello")
                        .bytes());
        Files.writeString(
                inbox.resolve("b-broken.xml"), "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">");
        Files.writeString(inbox.resolve("notes.txt"), "not a statement");
        Files.writeString(inbox.resolve("c-huge.xml"), "<Document>" + " ".repeat(70 * 1024) + "</Document>");

        new StatementInbox(imports, inbox.toString(), new StatementFileLimit(DataSize.ofKilobytes(64))).poll();

        assertThat(inbox.resolve("imported/a-statement.xml")).exists();
        assertThat(inbox.resolve("rejected/b-broken.xml")).exists();
        assertThat(Files.readString(inbox.resolve("rejected/b-broken.xml.error.txt")))
                .contains("not well-formed XML");
        assertThat(inbox.resolve("notes.txt"))
                .as("only XML files are statements")
                .exists();
        assertThat(Files.readString(inbox.resolve("rejected/c-huge.xml.error.txt")))
                .contains("a statement file may be at most 64 KB");
        assertThat(jdbc.queryForObject(
                        "select source from bank_statement where message_id = ?", String.class, messageId))
                .isEqualTo("inbox a-statement.xml");
    }
}
