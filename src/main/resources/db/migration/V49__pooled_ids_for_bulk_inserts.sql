-- Audit records and bank entries are written by the thousand (a statement import stores every line, every posting
-- writes three audit records). Their ids now come from the sequence fifty at a time (Hibernate's pooled optimizer),
-- so the rows of one flush go to PostgreSQL as one batched insert instead of one round trip each. Rows inserted by
-- plain SQL still take the column default (nextval) and never collide with ids handed out by the application.
alter sequence audit_record_id_seq increment by 50;
alter sequence bank_entry_id_seq increment by 50;
