package dev.o2c.bankstatements;

import static dev.o2c.bankstatements.CamtEntries.date;
import static dev.o2c.bankstatements.CamtEntries.join;
import static dev.o2c.bankstatements.CamtEntries.required;

import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.dic.AmountAndCurrencyExchange3;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.CashAccount39;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader81;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation16;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** camt.053.001.08 and camt.054.001.08 (the 2019 versions banks move to with the SWIFT MX migration). */
final class CamtV08 {

    private CamtV08() {}

    static List<ParsedStatement> statements(MxCamt05300108 message, java.time.LocalDate today) {
        var document = required(message.getBkToCstmrStmt(), "BkToCstmrStmt");
        String messageId = messageId(document.getGrpHdr());
        List<ParsedStatement> statements = new ArrayList<>();
        for (int i = 0; i < document.getStmt().size(); i++) {
            var statement = document.getStmt().get(i);
            statements.add(parsed(
                    "camt.053.001.08",
                    messageId,
                    "Stmt[" + (i + 1) + "]",
                    statement.getId(),
                    statement.getAcct(),
                    statement.getNtry(),
                    statement.getTxsSummry(),
                    statement.getBal(),
                    today));
        }
        return statements;
    }

    static List<ParsedStatement> notifications(MxCamt05400108 message, java.time.LocalDate today) {
        var document = required(message.getBkToCstmrDbtCdtNtfctn(), "BkToCstmrDbtCdtNtfctn");
        String messageId = messageId(document.getGrpHdr());
        List<ParsedStatement> statements = new ArrayList<>();
        for (int i = 0; i < document.getNtfctn().size(); i++) {
            var notification = document.getNtfctn().get(i);
            statements.add(parsed(
                    "camt.054.001.08",
                    messageId,
                    "Ntfctn[" + (i + 1) + "]",
                    notification.getId(),
                    notification.getAcct(),
                    notification.getNtry(),
                    notification.getTxsSummry(),
                    List.of(),
                    today));
        }
        return statements;
    }

    private static String messageId(GroupHeader81 header) {
        String messageId = required(header == null ? null : header.getMsgId(), "GrpHdr/MsgId");
        CamtEntries.maxLength(messageId, 35, "GrpHdr/MsgId");
        return messageId;
    }

    private static ParsedStatement parsed(
            String type,
            String messageId,
            String path,
            String id,
            CashAccount39 account,
            List<ReportEntry10> entries,
            com.prowidesoftware.swift.model.mx.dic.TotalTransactions6 totals,
            List<com.prowidesoftware.swift.model.mx.dic.CashBalance8> balances,
            java.time.LocalDate today) {
        String iban = account == null || account.getId() == null
                ? null
                : account.getId().getIBAN();
        List<CamtEntries.Entry> read = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            read.add(entry(path + "/Ntry[" + (i + 1) + "]", entries.get(i)));
        }
        List<CamtEntries.Balance> readBalances = new ArrayList<>();
        for (int i = 0; i < balances.size(); i++) {
            var balance = balances.get(i);
            var amount = balance.getAmt();
            readBalances.add(new CamtEntries.Balance(
                    path + "/Bal[" + (i + 1) + "]",
                    balanceType(balance),
                    amount == null ? null : amount.getValue(),
                    amount == null ? null : amount.getCcy(),
                    balance.getCdtDbtInd() == null
                            ? null
                            : balance.getCdtDbtInd().value()));
        }
        return CamtEntries.parsed(
                type, messageId, new CamtEntries.Statement(path, id, iban, read, totals(totals), readBalances), today);
    }

    private static CamtEntries.Entry entry(String path, ReportEntry10 entry) {
        var amount = entry.getAmt();
        List<CamtEntries.Details> details = entry.getNtryDtls().stream()
                .flatMap(group -> group.getTxDtls().stream())
                .map(CamtV08::details)
                .toList();
        return new CamtEntries.Entry(
                path,
                amount == null ? null : amount.getValue(),
                amount == null ? null : amount.getCcy(),
                entry.getCdtDbtInd() == null ? null : entry.getCdtDbtInd().value(),
                entry.getSts() != null && "BOOK".equals(entry.getSts().getCd()),
                date(entry.getBookgDt()),
                date(entry.getValDt()),
                Optional.ofNullable(entry.getAcctSvcrRef()).orElse(entry.getNtryRef()),
                details);
    }

    private static CamtEntries.Details details(EntryTransaction10 transaction) {
        var parties = transaction.getRltdPties();
        var remittance = Optional.ofNullable(transaction.getRmtInf());
        List<StructuredRemittanceInformation16> structured =
                remittance.map(RemittanceInformation16::getStrd).orElse(List.of());
        String creditorReference = structured.stream()
                .filter(s -> s.getCdtrRefInf() != null && s.getCdtrRefInf().getRef() != null)
                .map(s -> s.getCdtrRefInf().getRef())
                .findFirst()
                .orElse(null);
        String text = join(Stream.concat(
                remittance.map(RemittanceInformation16::getUstrd).orElse(List.of()).stream(),
                structured.stream()
                        .flatMap(s -> Stream.concat(
                                s.getRfrdDocInf().stream().map(d -> d.getNb()), s.getAddtlRmtInf().stream()))));
        // Version 08 gives each transaction its own amount element; older producers still fill AmtDtls only.
        var amount = transaction.getAmt() != null ? transaction.getAmt() : transactionAmount(transaction.getAmtDtls());
        return new CamtEntries.Details(
                amount == null ? null : amount.getValue(),
                amount == null ? null : amount.getCcy(),
                transaction.getCdtDbtInd() == null
                        ? null
                        : transaction.getCdtDbtInd().value(),
                parties == null
                                || parties.getDbtr() == null
                                || parties.getDbtr().getPty() == null
                        ? null
                        : parties.getDbtr().getPty().getNm(),
                iban(parties == null ? null : parties.getDbtrAcct()),
                creditorReference,
                text,
                transaction.getRefs() == null ? null : transaction.getRefs().getEndToEndId());
    }

    private static com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount transactionAmount(
            AmountAndCurrencyExchange3 details) {
        return details == null || details.getTxAmt() == null
                ? null
                : details.getTxAmt().getAmt();
    }

    private static CamtEntries.DeclaredTotals totals(com.prowidesoftware.swift.model.mx.dic.TotalTransactions6 totals) {
        if (totals == null) {
            return CamtEntries.DeclaredTotals.NONE;
        }
        var all = totals.getTtlNtries();
        var net = all == null ? null : all.getTtlNetNtry();
        var credits = totals.getTtlCdtNtries();
        var debits = totals.getTtlDbtNtries();
        return new CamtEntries.DeclaredTotals(
                all == null ? null : all.getNbOfNtries(),
                all == null ? null : all.getSum(),
                net == null ? null : net.getAmt(),
                net == null || net.getCdtDbtInd() == null
                        ? null
                        : net.getCdtDbtInd().value(),
                credits == null ? null : credits.getNbOfNtries(),
                credits == null ? null : credits.getSum(),
                debits == null ? null : debits.getNbOfNtries(),
                debits == null ? null : debits.getSum());
    }

    private static String balanceType(com.prowidesoftware.swift.model.mx.dic.CashBalance8 balance) {
        return balance.getTp() == null || balance.getTp().getCdOrPrtry() == null
                ? null
                : balance.getTp().getCdOrPrtry().getCd();
    }

    private static String iban(CashAccount38 account) {
        return account == null || account.getId() == null
                ? null
                : account.getId().getIBAN();
    }

    private static java.time.LocalDate date(DateAndDateTime2Choice choice) {
        return choice == null ? null : CamtEntries.date(choice.getDt(), choice.getDtTm());
    }
}
