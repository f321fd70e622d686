-- Sales may propose a credit limit for a new customer; only credit staff set the limit itself.
alter table customer add column proposed_credit_limit numeric(19, 2) check (proposed_credit_limit >= 0);
