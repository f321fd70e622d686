package dev.o2c.credit.limits;

import dev.o2c.credit.bureau.BureauReports;
import dev.o2c.credit.scoring.CreditScoring;
import dev.o2c.customers.Customer;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * The two facts of a limit review that come from elsewhere in credit: the customer's latest score (scoring) and the
 * limit the bureau recommends in its latest stored report, when that report is in the customer's currency. Neither
 * asks anything outside the database; a customer without them has them empty, and the recommendation table's rules
 * that need them do not match.
 */
@Component
class ScoreAndBureauFacts {

    private final CreditScoring scoring;
    private final BureauReports bureau;

    ScoreAndBureauFacts(CreditScoring scoring, BureauReports bureau) {
        this.scoring = scoring;
        this.bureau = bureau;
    }

    Integer score(Customer customer) {
        return scoring.latest(customer.getId()).map(score -> score.getScore()).orElse(null);
    }

    BigDecimal bureauRecommendedLimit(Customer customer) {
        return bureau.stored(customer.getId())
                .filter(report -> customer.getCurrency().equals(report.getRecommendedLimitCurrency()))
                .map(report -> report.getRecommendedLimit())
                .orElse(null);
    }
}
