package dev.o2c.bankstatements;

import dev.o2c.cashapplication.Proposal;
import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api")
@Allowed(Groups.AR_CLERKS)
class BankStatementController {

    private final BankStatementImport imports;
    private final BankEntryPosting posting;
    private final StatementFileLimit limit;

    BankStatementController(BankStatementImport imports, BankEntryPosting posting, StatementFileLimit limit) {
        this.imports = imports;
        this.posting = posting;
        this.limit = limit;
    }

    /** The body is read here, not bound by a converter, so that it is never read past the size limit. */
    @PostMapping(
            path = "/bank-statements",
            consumes = {
                MediaType.APPLICATION_XML_VALUE,
                MediaType.TEXT_XML_VALUE,
                MediaType.APPLICATION_OCTET_STREAM_VALUE
            })
    ResponseEntity<StatementImportResult> importBody(HttpServletRequest request) throws IOException {
        return imported(limit.read(request.getInputStream(), request.getContentLengthLong(), "body"), "body", "api");
    }

    @PostMapping(path = "/bank-statements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<StatementImportResult> importFile(@RequestPart("file") MultipartFile file) throws IOException {
        limit.check(file.getSize(), "file");
        return imported(file.getBytes(), "file", "upload " + file.getOriginalFilename());
    }

    private ResponseEntity<StatementImportResult> imported(byte[] xml, String field, String source) {
        try {
            StatementImportResult result =
                    imports.importFile(xml, source, CurrentUser.get().name());
            // 201 only when something was created: a duplicate or a statement without entries creates nothing
            boolean created = !result.duplicate() && !result.statements().isEmpty();
            return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(result);
        } catch (StatementRejected e) {
            throw new InvalidBankStatementException(field, e.getMessage());
        }
    }

    @GetMapping("/bank-statements")
    List<StatementImportResult.StatementSummary> recent() {
        return imports.recent();
    }

    @GetMapping("/bank-statements/{id}")
    StatementView statement(@PathVariable long id) {
        return new StatementView(
                imports.summary(id),
                imports.entriesOf(id).stream().map(this::view).toList());
    }

    @GetMapping("/bank-entries/{id}")
    EntryView entry(@PathVariable long id) {
        return view(posting.get(id));
    }

    private EntryView view(BankEntry entry) {
        Proposal proposal = entry.getProposal() == null ? null : posting.proposalOf(entry);
        return new EntryView(
                entry.getId(),
                entry.getLineNo(),
                entry.getBankReference(),
                entry.getAmount(),
                entry.getCurrency(),
                entry.isCredit(),
                entry.isBooked(),
                entry.getValueDate(),
                entry.getDebtorName(),
                entry.getDebtorIban(),
                entry.getCreditorReference(),
                entry.getRemittanceText(),
                entry.getRemittanceCutFrom() != null,
                entry.getRemittanceCutFrom(),
                entry.getStatus(),
                entry.getConfidence(),
                entry.getCustomerId(),
                entry.getPaymentId(),
                entry.getDecidedBy(),
                proposal);
    }

    record StatementView(StatementImportResult.StatementSummary summary, List<EntryView> entries) {}

    record EntryView(
            long id,
            int line,
            String bankReference,
            BigDecimal amount,
            String currency,
            boolean credit,
            boolean booked,
            LocalDate valueDate,
            String debtorName,
            String debtorIban,
            String creditorReference,
            String remittanceText,
            boolean remittanceCut,
            Integer remittanceCutFrom,
            BankEntryStatus status,
            BigDecimal confidence,
            Long customerId,
            Long paymentId,
            String decidedBy,
            Proposal proposal) {}
}
