package dev.o2c.bankstatements;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One account statement or notification, imported once: its message and statement ids identify it. */
@Entity
public class BankStatement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String messageType;
    private String messageId;
    private String statementId;
    private String accountIban;
    private String source;
    private String importedBy;
    private Instant importedAt;

    protected BankStatement() {}

    BankStatement(ParsedStatement parsed, String source, String importedBy, Instant importedAt) {
        this.messageType = parsed.messageType();
        this.messageId = parsed.messageId();
        this.statementId = parsed.statementId();
        this.accountIban = parsed.accountIban();
        this.source = source;
        this.importedBy = importedBy;
        this.importedAt = importedAt;
    }

    public Long getId() {
        return id;
    }

    public String getMessageType() {
        return messageType;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getStatementId() {
        return statementId;
    }

    public String getAccountIban() {
        return accountIban;
    }

    public String getSource() {
        return source;
    }

    public String getImportedBy() {
        return importedBy;
    }

    public Instant getImportedAt() {
        return importedAt;
    }
}
