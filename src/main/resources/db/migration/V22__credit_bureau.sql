-- A customer's VAT identification number: the key credit bureaus know companies by (country prefix + 2-13 characters).
alter table customer add column vat_id varchar(15) check (vat_id ~ '^[A-Z]{2}[0-9A-Z]{2,13}$');

-- Credit bureau reports, one row per fetch, with the bureau's answer exactly as it came (raw_response) beside the
-- fields read from it. A report is reused until expires_at; the latest row per customer is the current report.
create table bureau_report (
    id                         bigserial primary key,
    customer_id                bigint         not null references customer (id),
    vat_id                     varchar(15)    not null,
    bureau_reference           varchar(100),
    company_name               varchar(200),
    rating                     varchar(3)     not null,
    score                      integer        not null check (score between 0 and 100),
    payment_index              integer        not null check (payment_index between 0 and 100),
    recommended_limit          numeric(19, 2) not null check (recommended_limit >= 0),
    recommended_limit_currency varchar(3)     not null,
    insolvent                  boolean        not null,
    report_date                date           not null,
    raw_response               text           not null,
    fetched_by                 varchar(100)   not null,
    fetched_at                 timestamptz    not null,
    expires_at                 timestamptz    not null
);
create index bureau_report_latest on bureau_report (customer_id, fetched_at desc);
