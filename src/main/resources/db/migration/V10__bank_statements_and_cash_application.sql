-- Bank statements as received (camt.053 / camt.054) and the cash application of each credit movement.

create table bank_statement (
    id              bigserial primary key,
    message_type    varchar(20)    not null,
    message_id      varchar(35)    not null,
    statement_id    varchar(35)    not null,
    account_iban    varchar(34),
    source          varchar(300)   not null,
    imported_by     varchar(100)   not null,
    imported_at     timestamptz    not null,
    unique (message_id, statement_id)
);

create table bank_entry (
    id                    bigserial primary key,
    statement_id          bigint         not null references bank_statement (id),
    line_no               int            not null,
    bank_reference        varchar(100),
    amount                numeric(19, 2) not null check (amount > 0),
    currency              varchar(3)     not null,
    credit                boolean        not null,
    booked                boolean        not null,
    booking_date          date,
    value_date            date,
    debtor_name           varchar(140),
    debtor_iban           varchar(34),
    creditor_reference    varchar(35),
    remittance_text       varchar(2000),
    end_to_end_id         varchar(35),
    status                varchar(20)    not null,
    confidence            numeric(4, 3),
    customer_id           bigint references customer (id),
    proposal              text,
    payment_id            bigint references payment (id),
    decided_by            varchar(100),
    process_instance_key  bigint,
    received_at           timestamptz    not null,
    version               bigint         not null default 0,
    unique (statement_id, line_no)
);
create index bank_entry_status on bank_entry (status);

-- What clerks taught the matcher: this debtor account or name pays for that customer.
create table payer_memory (
    id           bigserial primary key,
    kind         varchar(10)   not null check (kind in ('IBAN', 'NAME')),
    payer_key    varchar(140)  not null,
    customer_id  bigint        not null references customer (id),
    learned_by   varchar(100)  not null,
    learned_at   timestamptz   not null,
    unique (kind, payer_key)
);
