/**
 * Disputes a customer raises on an invoice: opened by collectors, AR clerks or sales, resolved in the
 * dispute-resolution process (accepted with a credit note, or rejected with an e-mail to the customer). While a
 * dispute is unresolved, dunning leaves its amount alone. Exposed to the views downstream (the invoice view).
 */
@NamedInterface("disputes")
package dev.o2c.collections.disputes;

import org.springframework.modulith.NamedInterface;
