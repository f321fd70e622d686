package dev.o2c.customers;

/**
 * A customer was created (published inside the creating transaction; listen after commit). Downstream modules react
 * to it without customers knowing them: credit fetches a bureau report for a customer with a VAT id and, when the
 * risk class is only the unassessed default, sets it from the report through {@link CustomerService}.
 */
public record CustomerRegistered(
        long customerId, String name, String vatId, RiskClass riskClass, boolean riskClassAssessed, String createdBy) {}
