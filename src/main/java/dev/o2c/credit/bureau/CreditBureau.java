package dev.o2c.credit.bureau;

import java.util.Optional;

/**
 * The credit-bureau port: what the credit module asks an external credit bureau. One adapter speaks HTTP
 * ({@link HttpCreditBureau}); in embedded mode it talks to {@link CreditBureauSimulator}, a stand-in for a real bureau.
 */
public interface CreditBureau {

    /**
     * The bureau's current report on a company, or empty when the bureau knows no such company.
     *
     * @throws CreditBureauException when the bureau cannot be asked or its answer cannot be trusted (timeout, refused,
     *     server error, malformed or too large response): a bureau failure, never the caller's fault
     */
    Optional<BureauReport> lookup(BureauQuery query);
}
