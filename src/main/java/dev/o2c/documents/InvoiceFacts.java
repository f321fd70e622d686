package dev.o2c.documents;

import dev.o2c.billing.Invoice;
import dev.o2c.customers.Customer;
import dev.o2c.orders.OrderLine;
import java.util.List;

/** What an invoice document is made of: the invoice, its buyer, the order's lines and the seller. */
record InvoiceFacts(Invoice invoice, Customer customer, List<OrderLine> lines, CompanyProperties seller) {}
