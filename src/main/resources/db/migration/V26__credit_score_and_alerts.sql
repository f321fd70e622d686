-- Credit scoring: every computed score with the facts it was computed from (jsonb) and the readable factors behind it,
-- and the alerts raised to credit staff when a customer crosses a line. Owned by credit (dev.o2c.credit.scoring).

create table credit_score (
    id           bigserial primary key,
    customer_id  bigint        not null references customer (id),
    score        int           not null check (score between 0 and 100),
    risk_class   varchar(1)    not null check (risk_class in ('A', 'B', 'C', 'D')),
    inputs       jsonb         not null,
    factors      text          not null,
    computed_at  timestamptz   not null,
    trigger      varchar(200)  not null
);
create index credit_score_customer on credit_score (customer_id, id desc);

create table credit_alert (
    id               bigserial primary key,
    customer_id      bigint         not null references customer (id),
    score_id         bigint         not null references credit_score (id),
    kind             varchar(30)    not null,
    message          varchar(1000)  not null,
    raised_at        timestamptz    not null,
    status           varchar(12)    not null check (status in ('OPEN', 'ACKNOWLEDGED')),
    acknowledged_by  varchar(100),
    acknowledged_at  timestamptz,
    unique (score_id, kind)
);
create index credit_alert_open on credit_alert (status, id);
create index credit_alert_customer on credit_alert (customer_id, id);
