-- Which bank entry a clerk's match was learned from, so that a clerk can see why the matcher knows a payer. A plain
-- number: bank entries belong to the bankstatements module, downstream of cash application.
alter table payer_memory add column learned_from_entry bigint;
