package dev.o2c.credit.bureau;

import dev.o2c.credit.scoring.BureauRatings;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The bureau's side of the scorecard: the latest stored report's rating on the scorecard's A-D scale (the same mapping
 * that sets a new customer's risk class) and its insolvency flag. Scoring never asks the bureau itself; reports are
 * fetched by the credit check and by credit staff.
 */
@Component
class StoredBureauRatings implements BureauRatings {

    private final BureauReports reports;

    StoredBureauRatings(BureauReports reports) {
        this.reports = reports;
    }

    @Override
    public Optional<BureauRating> latest(long customerId) {
        return reports.stored(customerId)
                .map(report -> new BureauRating(report.suggestedRiskClass().name(), report.isInsolvent()));
    }
}
