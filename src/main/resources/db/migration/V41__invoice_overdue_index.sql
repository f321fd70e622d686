-- The collector's worklist groups the overdue open invoices per customer in one query; open invoices are a small
-- part of all invoices, so a partial index on them keeps that query off the paid history.
create index invoice_open_due on invoice (due_date, customer_id) where status <> 'PAID';
