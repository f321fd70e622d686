-- The collector's worklist (collections): who works a customer's collection case, the call notes on it, and every
-- promise to pay with its amount, so a promise that passes its date unpaid can be marked broken.
create table collection_assignment (
    customer_id  bigint       primary key references customer (id),
    collector    varchar(100) not null,
    assigned_by  varchar(100) not null,
    assigned_at  timestamptz  not null,
    version      bigint       not null default 0
);
create index collection_assignment_collector on collection_assignment (collector);

create table collection_note (
    id           bigserial     primary key,
    customer_id  bigint        not null references customer (id),
    author       varchar(100)  not null,
    text         varchar(2000) not null,
    created_at   timestamptz   not null
);
create index collection_note_customer on collection_note (customer_id, id desc);

create table collection_promise (
    id                bigserial      primary key,
    customer_id       bigint         not null references customer (id),
    invoice_id        bigint         not null references invoice (id),
    promised_date     date           not null,
    amount            numeric(19, 2) not null check (amount > 0),
    currency          varchar(3)     not null,
    -- what was open and charged on the invoice when the promise was made: paid since = the drop in the open amount
    -- plus the dunning charges added since
    open_at_promise   numeric(19, 2) not null,
    charges_at_promise numeric(19, 2) not null,
    status            varchar(20)    not null,
    recorded_by       varchar(100)   not null,
    recorded_at       timestamptz    not null,
    resolved_at       timestamptz
);
create index collection_promise_due on collection_promise (status, promised_date);
create index collection_promise_customer on collection_promise (customer_id, status);
create index collection_promise_invoice on collection_promise (invoice_id, status);
