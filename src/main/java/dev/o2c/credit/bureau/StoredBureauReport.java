package dev.o2c.credit.bureau;

import dev.o2c.customers.RiskClass;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A bureau report as fetched for a customer, with the raw answer and how long it is used (table bureau_report). */
@Entity
@Table(name = "bureau_report")
public class StoredBureauReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long customerId;
    private String vatId;
    private String bureauReference;
    private String companyName;
    private String rating;
    private int score;
    private int paymentIndex;
    private BigDecimal recommendedLimit;
    private String recommendedLimitCurrency;
    private boolean insolvent;
    private LocalDate reportDate;

    @Column(columnDefinition = "text")
    private String rawResponse;

    private String fetchedBy;
    private Instant fetchedAt;
    private Instant expiresAt;

    protected StoredBureauReport() {}

    StoredBureauReport(
            long customerId,
            String vatId,
            BureauReport report,
            String fetchedBy,
            Instant fetchedAt,
            Instant expiresAt) {
        this.customerId = customerId;
        this.vatId = vatId;
        this.bureauReference = report.reference();
        this.companyName = report.companyName();
        this.rating = report.rating();
        this.score = report.score();
        this.paymentIndex = report.paymentIndex();
        this.recommendedLimit = report.recommendedLimit();
        this.recommendedLimitCurrency = report.recommendedLimitCurrency();
        this.insolvent = report.insolvent();
        this.reportDate = report.reportDate();
        this.rawResponse = report.rawResponse();
        this.fetchedBy = fetchedBy;
        this.fetchedAt = fetchedAt;
        this.expiresAt = expiresAt;
    }

    public boolean isFreshAt(Instant now) {
        return expiresAt.isAfter(now);
    }

    /** The risk class the report suggests (see {@link BureauReport#riskClassOf}). */
    public RiskClass suggestedRiskClass() {
        return BureauReport.riskClassOf(rating, insolvent);
    }

    public String summary() {
        return "rating " + rating + ", score " + score + ", payment index " + paymentIndex + ", recommended limit "
                + recommendedLimit.toPlainString() + " " + recommendedLimitCurrency
                + (insolvent ? ", INSOLVENT" : "") + ", report of " + reportDate;
    }

    public Long getId() {
        return id;
    }

    public long getCustomerId() {
        return customerId;
    }

    public String getVatId() {
        return vatId;
    }

    public String getBureauReference() {
        return bureauReference;
    }

    public String getCompanyName() {
        return companyName;
    }

    public String getRating() {
        return rating;
    }

    public int getScore() {
        return score;
    }

    public int getPaymentIndex() {
        return paymentIndex;
    }

    public BigDecimal getRecommendedLimit() {
        return recommendedLimit;
    }

    public String getRecommendedLimitCurrency() {
        return recommendedLimitCurrency;
    }

    public boolean isInsolvent() {
        return insolvent;
    }

    public LocalDate getReportDate() {
        return reportDate;
    }

    public String getRawResponse() {
        return rawResponse;
    }

    public String getFetchedBy() {
        return fetchedBy;
    }

    public Instant getFetchedAt() {
        return fetchedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
