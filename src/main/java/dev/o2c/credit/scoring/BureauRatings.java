package dev.o2c.credit.scoring;

import java.util.Optional;

/**
 * What scoring needs from the credit bureau: the latest rating of a customer on the scorecard's A-D scale and the
 * insolvency flag. The bureau (dev.o2c.credit.bureau.StoredBureauRatings) provides it from its stored reports; a
 * customer without a report takes the scorecard's neutral "no bureau report" row.
 */
public interface BureauRatings {

    Optional<BureauRating> latest(long customerId);

    /** {@code rating} is A, B, C or D; {@code insolvent} is the bureau's insolvency flag. */
    record BureauRating(String rating, boolean insolvent) {
        public BureauRating {
            if (rating != null && !rating.matches("[ABCD]")) {
                throw new IllegalArgumentException("a bureau rating for the scorecard is A, B, C or D, not " + rating);
            }
        }
    }
}
