-- Write-offs (issue 9, "Collections in depth").
--
-- write_off: one row per write-off of an uncollectable amount on an invoice, owned by collections. A collector asks
-- (REQUESTED), who the write-off-authority table names approves (APPROVED; with four eyes a second approver confirms
-- first: AWAITING_SECOND_APPROVAL) or rejects (REJECTED), and the approved amount is posted to bad debt (POSTED). A
-- write-off whose invoice was paid in full meanwhile has nothing left to post (CANCELED). Small residuals left after a
-- payment are written off by the system: such a row is created POSTED with automatic = true.

create table write_off (
    id                        bigserial primary key,
    invoice_id                bigint         not null references invoice (id),
    customer_id               bigint         not null references customer (id),
    currency                  varchar(3)     not null,
    amount                    numeric(19, 2) not null check (amount > 0),
    reason                    varchar(1000)  not null,
    status                    varchar(30)    not null check (status in ('REQUESTED', 'AWAITING_SECOND_APPROVAL',
                                                                        'APPROVED', 'REJECTED', 'POSTED', 'CANCELED')),
    automatic                 boolean        not null default false,
    requested_by              varchar(100)   not null,
    requested_at              timestamptz    not null,
    -- what the authority table decided on
    days_overdue              integer        not null check (days_overdue >= 0),
    risk_class                varchar(1)     not null,
    process_instance_key      bigint,
    authority_group           varchar(40),
    authority                 varchar(200),
    second_approver_required  boolean        not null default false,
    approved_by               varchar(100),
    approved_at               timestamptz,
    approval_comment          varchar(1000),
    second_approved_by        varchar(100),
    second_approved_at        timestamptz,
    second_approval_comment   varchar(1000),
    rejected_by               varchar(100),
    rejected_at               timestamptz,
    rejection_reason          varchar(1000),
    posted_amount             numeric(19, 2) check (posted_amount > 0),
    posted_at                 timestamptz,
    version                   bigint         not null default 0
);
-- one write-off in flight per invoice: a second request while one waits is refused (409)
create unique index write_off_one_open on write_off (invoice_id)
    where status in ('REQUESTED', 'AWAITING_SECOND_APPROVAL', 'APPROVED');
create index write_off_customer on write_off (customer_id, requested_at);

-- written-off receivables are an expense of their own, apart from accepted short payments (6900)
insert into ledger_account (code, name, type) values ('6800', 'Bad debt expense', 'EXPENSE');
