-- Disputes a customer raises on an invoice. At most one unresolved dispute per invoice (the partial unique index);
-- while it is unresolved its amount is left out of dunning.

create table dispute (
    id                    bigserial primary key,
    invoice_id            bigint         not null,
    invoice_number        varchar(30)    not null,
    customer_id           bigint         not null,
    currency              varchar(3)     not null,
    amount                numeric(19, 2) not null check (amount > 0),
    reason_code           varchar(30)    not null,
    comment               varchar(1000),
    status                varchar(20)    not null,
    opened_by             varchar(100)   not null,
    opened_at             timestamptz    not null,
    process_instance_key  bigint,
    accepted_amount       numeric(19, 2) check (accepted_amount > 0),
    rejection_reason      varchar(1000),
    resolved_by           varchar(100),
    resolved_at           timestamptz,
    credit_note_id        bigint,
    version               bigint         not null default 0
);
create unique index dispute_one_unresolved_per_invoice on dispute (invoice_id) where status in ('OPEN', 'ESCALATED');
create index dispute_customer on dispute (customer_id);
create index dispute_status on dispute (status);
