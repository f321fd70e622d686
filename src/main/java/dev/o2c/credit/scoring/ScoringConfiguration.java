package dev.o2c.credit.scoring;

import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ScoringConfiguration {

    /**
     * No bureau wired in: every customer scores on internal data only (the scorecard's neutral bureau row). Replaced
     * by the credit bureau's own {@link BureauRatings} bean once it provides one.
     */
    @Bean
    @ConditionalOnMissingBean(BureauRatings.class)
    BureauRatings noBureauRatings() {
        return customerId -> Optional.empty();
    }
}
