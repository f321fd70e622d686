-- Customer credit (what credit notes left owed back beyond an invoice's open amount, account 2150) can now be used:
-- applied to another open invoice of the customer (Dr 2150 / Cr 1200) or refunded (Dr 2150 / Cr 1000 Bank).
-- customer_credit_balance holds what is available per customer and currency; it is the row an application or refund
-- locks, so two of them racing for the same credit never overdraw it.

create table customer_credit_balance (
    id           bigserial primary key,
    customer_id  bigint         not null,
    currency     varchar(3)     not null,
    available    numeric(19, 2) not null check (available >= 0),
    version      bigint         not null default 0,
    unique (customer_id, currency)
);

create table customer_credit_use (
    id              bigserial primary key,
    kind            varchar(20)    not null check (kind in ('APPLICATION', 'REFUND')),
    customer_id     bigint         not null,
    currency        varchar(3)     not null,
    amount          numeric(19, 2) not null check (amount > 0),
    invoice_id      bigint         references invoice (id),
    bank_reference  varchar(140),
    reason          varchar(1000),
    effective_date  date           not null,
    request_key     varchar(300)   not null unique,
    recorded_by     varchar(100)   not null,
    recorded_at     timestamptz    not null,
    check ((kind = 'APPLICATION') = (invoice_id is not null)),
    check ((kind = 'REFUND') = (bank_reference is not null))
);
create index customer_credit_use_customer on customer_credit_use (customer_id, currency);

-- what credit notes issued before this migration left to the customers
insert into customer_credit_balance (customer_id, currency, available)
select customer_id, currency, sum(customer_credit_amount)
from credit_note group by customer_id, currency having sum(customer_credit_amount) > 0;

-- An invoice an approved write-off closes is now WRITTEN_OFF instead of PAID (invoices closed before stay PAID), so
-- "open" is OPEN or PARTIALLY_PAID; the worklist's partial index follows.
drop index invoice_open_due;
create index invoice_open_due on invoice (due_date, customer_id) where status in ('OPEN', 'PARTIALLY_PAID');
