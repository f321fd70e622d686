/**
 * Read views the web workspace shows that combine several capabilities: an order with its credit decision and its
 * invoice, an invoice with its reminders and payments, a customer's account (open items, credit notes, payments,
 * disputes, audit trail). They live downstream of every module they read, so no
 * capability has to know the ones that come after it.
 */
package dev.o2c.workspace;
