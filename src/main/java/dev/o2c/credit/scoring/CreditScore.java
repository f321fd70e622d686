package dev.o2c.credit.scoring;

import dev.o2c.customers.RiskClass;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One computed score of a customer: the facts (JSON), the factors that made it, when and why it was computed. */
@Entity
@Table(name = "credit_score")
public class CreditScore {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long customerId;
    private int score;
    private String riskClass;

    @JdbcTypeCode(SqlTypes.JSON)
    private String inputs;

    private String factors;
    private Instant computedAt;
    private String trigger;

    protected CreditScore() {}

    CreditScore(
            long customerId,
            int score,
            RiskClass riskClass,
            String inputs,
            List<String> factors,
            Instant computedAt,
            String trigger) {
        this.customerId = customerId;
        this.score = score;
        this.riskClass = riskClass.name();
        this.inputs = inputs;
        this.factors = String.join("\n", factors);
        this.computedAt = computedAt;
        this.trigger = trigger;
    }

    public Long getId() {
        return id;
    }

    public long getCustomerId() {
        return customerId;
    }

    public int getScore() {
        return score;
    }

    public RiskClass getRiskClass() {
        return RiskClass.valueOf(riskClass);
    }

    /** The facts the score was computed from, as JSON (the fields of {@link ScoreFacts}). */
    public String getInputs() {
        return inputs;
    }

    /** Readable lines: what changed, then each factor's points, weakest first. */
    public List<String> getFactors() {
        return factors.isEmpty() ? List.of() : List.of(factors.split("\n"));
    }

    public Instant getComputedAt() {
        return computedAt;
    }

    public String getTrigger() {
        return trigger;
    }
}
