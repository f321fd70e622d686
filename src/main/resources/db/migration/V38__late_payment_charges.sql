-- Late-payment charges (issue 9): interest by the EU late-payment rule and the fixed recovery fee, once per invoice.

-- late-payment charges: credit managers may waive interest and the recovery fee for a customer
alter table customer add column late_charges_waived boolean not null default false;

-- what each reminder charged as interest: the yearly rate and the overdue days it covers (each day is charged once)
alter table reminder add column interest_rate numeric(7, 4);
alter table reminder add column interest_days integer not null default 0 check (interest_days >= 0);
-- what a reminder would have charged a customer whose late charges are waived: forgiven, not charged later either
alter table reminder add column waived_fee numeric(19, 2) not null default 0 check (waived_fee >= 0);
alter table reminder add column waived_interest numeric(19, 2) not null default 0 check (waived_interest >= 0);
