package dev.o2c.credit.bureau;

import dev.o2c.credit.CreditNotFoundException;
import dev.o2c.credit.IllegalCreditTransitionException;
import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Credit staff see a customer's latest credit bureau report and ask the bureau for a new one. */
@RestController
@RequestMapping("/api/customers/{id}/bureau-report")
@Allowed({Groups.CREDIT_ANALYSTS, Groups.CREDIT_MANAGERS})
class BureauReportController {

    private final BureauReports reports;
    private final Clock clock;

    BureauReportController(BureauReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** The latest report, with whether it is still used ({@code fresh}) or the next credit check asks again. */
    @GetMapping
    ReportView latest(@PathVariable long id) {
        return view(reports.latest(id));
    }

    /**
     * Asks the bureau now. A bureau that fails (timeout, error, malformed answer) is a 409 problem saying so; the
     * report stored before stays.
     */
    @PostMapping("/refresh")
    ReportView refresh(@PathVariable long id, @Valid @RequestBody Refresh request) {
        try {
            return view(reports.refresh(id, CurrentUser.get().name(), request.reason())
                    .orElseThrow(() -> new CreditNotFoundException("company at the credit bureau for customer", id)));
        } catch (CreditBureauException e) {
            throw new IllegalCreditTransitionException("The credit bureau could not give a report now (" + e.kind()
                    + ": " + e.getMessage() + "); the report stored before, if any, stays. Try again later.");
        }
    }

    private ReportView view(StoredBureauReport report) {
        return new ReportView(
                report.getId(),
                report.getCustomerId(),
                report.getVatId(),
                report.getBureauReference(),
                report.getCompanyName(),
                report.getRating(),
                report.suggestedRiskClass().name(),
                report.getScore(),
                report.getPaymentIndex(),
                report.getRecommendedLimit(),
                report.getRecommendedLimitCurrency(),
                report.isInsolvent(),
                report.getReportDate(),
                report.getFetchedBy(),
                report.getFetchedAt(),
                report.getExpiresAt(),
                report.isFreshAt(clock.instant()));
    }

    record Refresh(@NotBlank @Size(max = 1000) String reason) {}

    record ReportView(
            long id,
            long customerId,
            String vatId,
            String bureauReference,
            String companyName,
            String rating,
            String suggestedRiskClass,
            int score,
            int paymentIndex,
            BigDecimal recommendedLimit,
            String recommendedLimitCurrency,
            boolean insolvent,
            LocalDate reportDate,
            String fetchedBy,
            Instant fetchedAt,
            Instant expiresAt,
            boolean fresh) {}
}
