package dev.o2c.bankstatements;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes camt.053.001.08 statements the way banks send them, for tests and the benchmark's generator: one entry per
 * credit with its transaction details (debtor, account, structured or free remittance).
 */
public final class CamtWriter {

    private final String messageId;
    private final String statementId;
    private final List<Credit> credits = new ArrayList<>();

    public CamtWriter(String messageId, String statementId) {
        this.messageId = messageId;
        this.statementId = statementId;
    }

    public record Credit(
            BigDecimal amount,
            String currency,
            LocalDate valueDate,
            String debtorName,
            String debtorIban,
            String creditorReference,
            String remittanceText) {}

    public CamtWriter credit(Credit credit) {
        credits.add(credit);
        return this;
    }

    public CamtWriter credit(
            String amount,
            LocalDate valueDate,
            String debtorName,
            String debtorIban,
            String creditorReference,
            String remittanceText) {
        return credit(new Credit(
                new BigDecimal(amount), "EUR", valueDate, debtorName, debtorIban, creditorReference, remittanceText));
    }

    public byte[] bytes() {
        return xml().getBytes(StandardCharsets.UTF_8);
    }

    public String xml() {
        StringBuilder xml = new StringBuilder(512 + credits.size() * 900);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt>")
                .append("<GrpHdr><MsgId>")
                .append(escape(messageId))
                .append("</MsgId>")
                .append("<CreDtTm>2026-11-20T06:00:00Z</CreDtTm></GrpHdr>")
                .append("<Stmt><Id>")
                .append(escape(statementId))
                .append("</Id>")
                .append("<CreDtTm>2026-11-20T06:00:00Z</CreDtTm>")
                .append("<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>");
        int line = 0;
        for (Credit credit : credits) {
            line++;
            xml.append("<Ntry><NtryRef>")
                    .append(line)
                    .append("</NtryRef>")
                    .append("<Amt Ccy=\"")
                    .append(credit.currency())
                    .append("\">")
                    .append(credit.amount().toPlainString())
                    .append("</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>")
                    .append("<BookgDt><Dt>")
                    .append(credit.valueDate())
                    .append("</Dt></BookgDt>")
                    .append("<ValDt><Dt>")
                    .append(credit.valueDate())
                    .append("</Dt></ValDt>")
                    .append("<AcctSvcrRef>")
                    .append(escape(statementId))
                    .append('-')
                    .append(line)
                    .append("</AcctSvcrRef>")
                    .append(
                            "<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>")
                    .append("<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>")
                    .append("<Amt Ccy=\"")
                    .append(credit.currency())
                    .append("\">")
                    .append(credit.amount().toPlainString())
                    .append("</Amt><CdtDbtInd>CRDT</CdtDbtInd><RltdPties>");
            if (credit.debtorName() != null) {
                xml.append("<Dbtr><Pty><Nm>")
                        .append(escape(credit.debtorName()))
                        .append("</Nm></Pty></Dbtr>");
            }
            if (credit.debtorIban() != null) {
                xml.append("<DbtrAcct><Id><IBAN>").append(credit.debtorIban()).append("</IBAN></Id></DbtrAcct>");
            }
            xml.append("</RltdPties>");
            if (credit.creditorReference() != null || credit.remittanceText() != null) {
                xml.append("<RmtInf>");
                if (credit.remittanceText() != null) {
                    xml.append("<Ustrd>")
                            .append(escape(credit.remittanceText()))
                            .append("</Ustrd>");
                }
                if (credit.creditorReference() != null) {
                    xml.append("<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>")
                            .append(escape(credit.creditorReference()))
                            .append("</Ref></CdtrRefInf></Strd>");
                }
                xml.append("</RmtInf>");
            }
            xml.append("</TxDtls></NtryDtls></Ntry>");
        }
        return xml.append("</Stmt></BkToCstmrStmt></Document>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
