package dev.o2c.credit.bureau;

import dev.o2c.platform.errors.NotFoundException;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * fetch-bureau-report: the customer's credit bureau report for the credit decision, the stored one while fresh. A
 * bureau that fails or times out never becomes an incident: BPMN error BUREAU_UNAVAILABLE, caught by the boundary
 * event "Bureau unavailable", and the credit decision is taken on internal data only (bureauAvailable = false).
 */
@Component
public class FetchBureauReportWorker {

    static final String UNAVAILABLE = "BUREAU_UNAVAILABLE";

    private final BureauReports reports;

    FetchBureauReportWorker(BureauReports reports) {
        this.reports = reports;
    }

    /** What the worker reads. */
    public record Request(Long orderId, Long customerId) {}

    /**
     * What it sets; {@code bureauStatus}: REPORT, NO_VAT_ID (nobody can be asked), NOT_FOUND (the bureau knows no such
     * company); UNAVAILABLE is set by the boundary event.
     */
    public record Result(
            boolean bureauAvailable,
            String bureauStatus,
            Long bureauReportId,
            String bureauRating,
            Integer bureauScore,
            Boolean bureauInsolvent,
            String bureauReportDate) {

        static Result without(String status) {
            return new Result(false, status, null, null, null, null, null);
        }
    }

    @JobWorker(type = "fetch-bureau-report")
    public Result fetch(ActivatedJob job, @VariablesAsType Request request) {
        try {
            if (!reports.hasVatId(request.customerId())) {
                return Result.without("NO_VAT_ID");
            }
            Optional<StoredBureauReport> report =
                    reports.current(request.customerId(), "credit-check", "credit check of order " + request.orderId());
            return report.map(r -> new Result(
                            true,
                            "REPORT",
                            r.getId(),
                            r.getRating(),
                            r.getScore(),
                            r.isInsolvent(),
                            r.getReportDate().toString()))
                    .orElseGet(() -> Result.without("NOT_FOUND"));
        } catch (CreditBureauException e) {
            throw CamundaError.bpmnError(
                    UNAVAILABLE, e.getMessage(), Map.of("bureauUnavailableReason", e.kind() + ": " + e.getMessage()));
        } catch (NotFoundException e) {
            // the customer is committed before its orders, so this is a lagging read: try again shortly
            throw CamundaError.jobError(e.getMessage(), null, job.getRetries() - 1, Duration.ofSeconds(2));
        }
    }
}
