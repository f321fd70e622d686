-- A reviewer's approval of an order after credit review, with the authority it used (issue 8). One row per review
-- decision that grants credit: an override (APPROVE), a permanent limit raise (APPROVE_RAISE_LIMIT) or a release on
-- prepayment (PREPAYMENT). The excess actually reserved over the limit is written when the reservation uses it.

create table credit_approval (
    id                        bigserial primary key,
    order_id                  bigint         not null references sales_order (id),
    customer_id               bigint         not null references customer (id),
    decision                  varchar(20)    not null check (decision in ('APPROVE', 'APPROVE_RAISE_LIMIT', 'PREPAYMENT')),
    status                    varchar(30)    not null check (status in ('AWAITING_SECOND_APPROVAL', 'AUTHORISED',
                                                                        'REFUSED', 'USED', 'LAPSED')),
    approved_by               varchar(100)   not null,
    authority_group           varchar(40)    not null,
    authority                 varchar(200)   not null,
    second_approver_required  boolean        not null,
    second_approved_by        varchar(100),
    second_decided_at         timestamptz,
    second_comment            varchar(1000),
    currency                  varchar(3)     not null,
    order_amount              numeric(19, 2) not null check (order_amount > 0),
    credit_limit              numeric(19, 2) not null,
    exposure                  numeric(19, 2) not null,
    -- credit granted beyond the available credit at decision time (for a raise: the raise); what the DMN judged
    amount_over_limit         numeric(19, 2) not null check (amount_over_limit >= 0),
    -- the most the reservation may go over the available credit on the strength of this approval
    authorised_over_limit     numeric(19, 2) not null check (authorised_over_limit >= 0),
    new_credit_limit          numeric(19, 2) check (new_credit_limit > 0),
    prepayment_amount         numeric(19, 2) check (prepayment_amount > 0),
    prepayment_payment_id     bigint         references payment (id),
    reason                    varchar(1000)  not null,
    decided_at                timestamptz    not null,
    limit_raised_at           timestamptz,
    -- what the reservation actually took over the limit, and when
    reserved_over_limit       numeric(19, 2) check (reserved_over_limit >= 0),
    used_at                   timestamptz,
    idempotency_key           varchar(120)   not null unique,
    version                   bigint         not null default 0
);
create index credit_approval_order on credit_approval (order_id);
create index credit_approval_customer on credit_approval (customer_id);
-- one payment releases at most one order on prepayment
create unique index credit_approval_prepayment on credit_approval (prepayment_payment_id)
    where prepayment_payment_id is not null;
