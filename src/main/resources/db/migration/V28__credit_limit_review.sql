-- Limit requests and periodic reviews (issue 8): one row per credit-limit-review process. It keeps what was asked
-- (by whom, why), the facts and the recommendation the process saw, the approver's decision with the authority used,
-- the second approver where four eyes are needed, and the limit that took effect (old -> new).

create table credit_limit_review (
    id                        bigserial primary key,
    customer_id               bigint         not null references customer (id),
    trigger                   varchar(16)    not null check (trigger in ('REQUEST', 'PERIODIC', 'ALERT')),
    status                    varchar(30)    not null check (status in ('OPEN', 'AWAITING_SECOND_APPROVAL', 'APPROVED',
                                                                        'APPLIED', 'REFUSED')),
    currency                  varchar(3)     not null,
    requested_limit           numeric(19, 2) check (requested_limit > 0),
    requested_by              varchar(100)   not null,
    reason                    varchar(1000)  not null,
    requested_at              timestamptz    not null,
    process_instance_key      bigint,
    -- the facts the recommendation was made on (JSON, as the worker gathered them)
    facts                     text,
    current_limit             numeric(19, 2),
    recommended_limit         numeric(19, 2) check (recommended_limit >= 0),
    recommendation            varchar(500),
    review_group              varchar(40),
    decision                  varchar(10)    check (decision in ('ACCEPT', 'CHANGE', 'REFUSE')),
    decided_limit             numeric(19, 2) check (decided_limit >= 0),
    decided_by                varchar(100),
    decided_at                timestamptz,
    decision_comment          varchar(1000),
    authority_group           varchar(40),
    authority                 varchar(200),
    second_approver_required  boolean        not null default false,
    second_approved_by        varchar(100),
    second_decided_at         timestamptz,
    second_comment            varchar(1000),
    old_limit                 numeric(19, 2),
    new_limit                 numeric(19, 2),
    closed_at                 timestamptz,
    version                   bigint         not null default 0
);
-- one open review per customer: a second request while one is open is refused (409), the periodic sweep skips it
create unique index credit_limit_review_one_open on credit_limit_review (customer_id)
    where status in ('OPEN', 'AWAITING_SECOND_APPROVAL', 'APPROVED');
create index credit_limit_review_customer on credit_limit_review (customer_id, closed_at);
