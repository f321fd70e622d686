package dev.o2c.credit.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.o2c.customers.CustomerService;
import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A customer's credit score with its history and factors, recomputing it, and the credit alerts. */
@RestController
@RequestMapping("/api")
@Allowed({Groups.CREDIT_ANALYSTS, Groups.CREDIT_MANAGERS})
class CreditScoreController {

    private final CreditScoring scoring;
    private final CreditAlerts alerts;
    private final CustomerService customers;
    private final ObjectMapper json = new ObjectMapper();

    CreditScoreController(CreditScoring scoring, CreditAlerts alerts, CustomerService customers) {
        this.scoring = scoring;
        this.alerts = alerts;
        this.customers = customers;
    }

    /** The latest score and the history (newest first, at most 100), each with its facts and factors. */
    @GetMapping("/customers/{id}/score")
    ScoreCard score(@PathVariable long id) {
        var customer = customers.get(id);
        List<ScoreView> history = scoring.history(id).stream().map(this::view).toList();
        return new ScoreCard(id, customer.riskClass().name(), history.isEmpty() ? null : history.getFirst(), history);
    }

    /** Scores the customer now; unchanged facts return the latest score and add no history row. */
    @PostMapping("/customers/{id}/score/recompute")
    Recomputed recompute(@PathVariable long id) {
        CreditScoring.Outcome outcome =
                scoring.recompute(id, ScoreTrigger.manual(CurrentUser.get().name()));
        return new Recomputed(
                outcome.recorded(),
                view(outcome.score()),
                outcome.alerts().stream().map(AlertView::of).toList());
    }

    @GetMapping("/credit/alerts")
    List<AlertView> alerts(@RequestParam(required = false) CreditAlert.Status status) {
        return alerts.list(status).stream().map(AlertView::of).toList();
    }

    @GetMapping("/customers/{id}/credit-alerts")
    List<AlertView> alertsOf(@PathVariable long id, @RequestParam(required = false) CreditAlert.Status status) {
        return alerts.ofCustomer(id, status).stream().map(AlertView::of).toList();
    }

    @PostMapping("/credit/alerts/{id}/acknowledge")
    AlertView acknowledge(@PathVariable long id, @Valid @RequestBody Acknowledgement request) {
        return AlertView.of(alerts.acknowledge(id, CurrentUser.get().name(), request.note()));
    }

    private ScoreView view(CreditScore score) {
        JsonNode inputs;
        try {
            inputs = json.readTree(score.getInputs());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored score inputs cannot be read", e);
        }
        return new ScoreView(
                score.getId(),
                score.getScore(),
                score.getRiskClass().name(),
                score.getComputedAt(),
                score.getTrigger(),
                score.getFactors(),
                inputs);
    }

    /** {@code note}: optional, what the analyst did about it. */
    record Acknowledgement(@Size(max = 1000) String note) {}

    record ScoreCard(long customerId, String riskClass, ScoreView latest, List<ScoreView> history) {}

    record ScoreView(
            long id,
            int score,
            String riskClass,
            Instant computedAt,
            String trigger,
            List<String> factors,
            JsonNode inputs) {}

    record Recomputed(boolean recorded, ScoreView score, List<AlertView> alertsRaised) {}

    record AlertView(
            long id,
            long customerId,
            long scoreId,
            String kind,
            String message,
            Instant raisedAt,
            String status,
            String acknowledgedBy,
            Instant acknowledgedAt) {

        static AlertView of(CreditAlert alert) {
            return new AlertView(
                    alert.getId(),
                    alert.getCustomerId(),
                    alert.getScoreId(),
                    alert.getKind().name(),
                    alert.getMessage(),
                    alert.getRaisedAt(),
                    alert.getStatus().name(),
                    alert.getAcknowledgedBy(),
                    alert.getAcknowledgedAt());
        }
    }
}
