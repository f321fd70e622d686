package dev.o2c.documents;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a customer disputes and is not resolved yet, per invoice: a port the account statement shows, implemented by
 * the disputes capability downstream (documents comes before collections and does not read the dispute table).
 */
public interface DisputedInvoices {

    /** Unresolved disputed amount per invoice id of the customer; an invoice missing from the map has none. */
    Map<Long, BigDecimal> unresolvedByInvoice(long customerId);
}
