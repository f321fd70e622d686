-- One payment-posting instance per bank entry, whatever the timing (issue 10): a starter first claims the entry
-- (start_claimed_at, set by a conditional update only one starter can win), the process records its own instance key
-- (process_instance_key, written once). The sweep only retries an entry whose claim is old and that has no instance;
-- the engine refuses a second start message for the same entry anyway.
alter table bank_entry add column start_claimed_at timestamptz;
alter table bank_entry add column start_attempts int not null default 0;
create index bank_entry_unstarted on bank_entry (id) where process_instance_key is null;

-- Remittance text longer than its column is kept cut, and the entry says how long it was (issue 12).
alter table bank_entry add column remittance_cut_from int;
