-- Audit records, bank entries and payments are written by the thousand (a statement import stores every line, every
-- posting writes a payment, its allocations and three audit records). Their ids now come from the sequence fifty at a
-- time (Hibernate's pooled optimizer): the rows of one flush go to PostgreSQL as one batched insert instead of one
-- round trip each, and a payment is inserted once with what it allocated instead of inserted and then updated. Rows
-- inserted by plain SQL still take the column default (nextval) and never collide with ids handed out by the
-- application.
alter sequence audit_record_id_seq increment by 50;
alter sequence bank_entry_id_seq increment by 50;
alter sequence payment_id_seq increment by 50;
alter sequence payment_allocation_id_seq increment by 50;
