package dev.o2c.documents;

import dev.o2c.billing.CreditNote;
import dev.o2c.billing.Invoice;
import dev.o2c.customers.Customer;
import dev.o2c.ledger.CustomerStatements;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What an account statement is made of: the customer, the day it speaks of, the invoices open (with what is disputed
 * on them), the credit notes to show with the invoice numbers they refer to, the balance per currency and the seller.
 */
record StatementFacts(
        Customer customer,
        LocalDate asOf,
        List<Invoice> openItems,
        Map<Long, BigDecimal> disputed,
        List<CreditNote> creditNotes,
        Map<Long, String> invoiceNumbers,
        List<CustomerStatements.Balance> balances,
        CompanyProperties seller) {}
