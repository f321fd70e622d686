-- Order-to-cash core schema. Money is numeric(19,2) beside an ISO 4217 currency code.

create table customer (
    id               bigserial primary key,
    name             varchar(200)   not null,
    email            varchar(320)   not null,
    currency         varchar(3)     not null,
    payment_terms    varchar(40)    not null,
    credit_limit     numeric(19, 2) not null check (credit_limit >= 0),
    risk_class       varchar(1)       not null check (risk_class in ('A', 'B', 'C', 'D')),
    tax_rate         numeric(6, 4)  not null default 0 check (tax_rate >= 0 and tax_rate < 1),
    on_credit_hold   boolean        not null default false,
    iban             varchar(34),
    created_at       timestamptz    not null,
    version          bigint         not null default 0
);

create table sales_order (
    id                    bigserial primary key,
    customer_id           bigint         not null references customer (id),
    currency              varchar(3)     not null,
    total_amount          numeric(19, 2) not null check (total_amount > 0),
    status                varchar(20)    not null,
    placed_by             varchar(100)   not null,
    placed_at             timestamptz    not null,
    process_instance_key  bigint,
    reserved_amount       numeric(19, 2) not null default 0 check (reserved_amount >= 0),
    shipped_at            timestamptz,
    completed_at          timestamptz,
    version               bigint         not null default 0
);
create index sales_order_customer_status on sales_order (customer_id, status);

create table order_line (
    id           bigserial primary key,
    order_id     bigint         not null references sales_order (id) on delete cascade,
    line_no      int            not null,
    sku          varchar(64)    not null,
    description  varchar(500)   not null,
    quantity     numeric(19, 3) not null check (quantity > 0),
    unit_price   numeric(19, 2) not null check (unit_price >= 0),
    line_amount  numeric(19, 2) not null,
    unique (order_id, line_no)
);

create table credit_decision (
    id             bigserial primary key,
    order_id       bigint        not null references sales_order (id),
    outcome        varchar(10)   not null check (outcome in ('APPROVE', 'REVIEW', 'REJECT')),
    reason         varchar(1000) not null,
    inputs         text          not null,
    decided_by     varchar(100)  not null,
    decided_at     timestamptz   not null,
    source         varchar(20)   not null,
    idempotency_key varchar(120) not null unique
);
create index credit_decision_order on credit_decision (order_id);

create table invoice_number_sequence (
    year         int primary key,
    last_number  int not null
);

create table invoice (
    id              bigserial primary key,
    number          varchar(30)    not null unique,
    customer_id     bigint         not null references customer (id),
    order_id        bigint         not null unique references sales_order (id),
    currency        varchar(3)     not null,
    issue_date      date           not null,
    due_date        date           not null,
    discount_date   date,
    discount_rate   numeric(6, 4)  not null default 0,
    net_amount      numeric(19, 2) not null,
    tax_amount      numeric(19, 2) not null,
    total_amount    numeric(19, 2) not null,
    charges_amount  numeric(19, 2) not null default 0,
    open_amount     numeric(19, 2) not null check (open_amount >= 0),
    status          varchar(20)    not null,
    dunning_level   int            not null default 0,
    promised_date   date,
    process_instance_key bigint,
    version         bigint         not null default 0
);
create index invoice_customer_status on invoice (customer_id, status);

create table reminder (
    id             bigserial primary key,
    invoice_id     bigint         not null references invoice (id),
    level          int            not null,
    fee            numeric(19, 2) not null,
    interest       numeric(19, 2) not null,
    open_amount    numeric(19, 2) not null,
    sent_at        timestamptz    not null,
    recipient      varchar(320)   not null,
    unique (invoice_id, level)
);

create table email_outbox (
    id            bigserial primary key,
    recipient     varchar(320)  not null,
    subject       varchar(300)  not null,
    body          text          not null,
    created_at    timestamptz   not null,
    sent_at       timestamptz,
    status        varchar(10)   not null,
    error         varchar(1000),
    dedup_key     varchar(120)  not null unique
);

create table payment (
    id               bigserial primary key,
    customer_id      bigint         not null references customer (id),
    amount           numeric(19, 2) not null check (amount > 0),
    currency         varchar(3)     not null,
    reference        varchar(140),
    value_date       date           not null,
    unapplied_amount numeric(19, 2) not null check (unapplied_amount >= 0),
    idempotency_key  varchar(200)   unique,
    posted_by        varchar(100)   not null,
    posted_at        timestamptz    not null
);

create table payment_allocation (
    id          bigserial primary key,
    payment_id  bigint         not null references payment (id),
    invoice_id  bigint         not null references invoice (id),
    amount      numeric(19, 2) not null check (amount > 0)
);
create index payment_allocation_invoice on payment_allocation (invoice_id);

create table audit_record (
    id           bigserial primary key,
    at           timestamptz   not null,
    actor        varchar(100)  not null,
    action       varchar(60)   not null,
    entity_type  varchar(40)   not null,
    entity_id    varchar(60)   not null,
    details      text          not null,
    reason       varchar(1000)
);
create index audit_record_entity on audit_record (entity_type, entity_id);

create table human_task (
    job_key               bigint primary key,
    process_instance_key  bigint        not null,
    process_id            varchar(100)  not null,
    element_id            varchar(100)  not null,
    name                  varchar(200)  not null,
    form_id               varchar(100),
    candidate_groups      varchar(500)  not null,
    assignee              varchar(100),
    business_key          varchar(60),
    customer_id           bigint,
    amount                numeric(19, 2),
    currency              varchar(3),
    variables             text          not null,
    created_at            timestamptz   not null,
    due_at                timestamptz,
    status                varchar(12)   not null,
    completed_by          varchar(100),
    completed_at          timestamptz,
    version               bigint        not null default 0
);
create index human_task_status on human_task (status);
