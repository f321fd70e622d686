-- Late-payment charges (issue 9): interest by the EU late-payment rule and the fixed recovery fee, once per invoice.

-- late-payment charges: credit managers may waive interest and the recovery fee for a customer
alter table customer add column late_charges_waived boolean not null default false;

-- what each reminder charged as interest: the yearly rate and the overdue days it covers (each day is charged once)
alter table reminder add column interest_rate numeric(7, 4);
alter table reminder add column interest_days integer not null default 0 check (interest_days >= 0);
