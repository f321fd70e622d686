-- Credit notes: their own gapless number series per year (CN-2026-000001), always against one invoice, with the
-- invoice's tax split. What a credit note takes off the invoice is applied_amount; what exceeds the invoice's open
-- amount (a partly paid invoice) is owed back to the customer: customer_credit_amount, booked on account 2150.

create table credit_note_number_sequence (
    year         int primary key,
    last_number  int not null
);

create table credit_note (
    id                      bigserial primary key,
    number                  varchar(30)    not null unique,
    invoice_id              bigint         not null references invoice (id),
    customer_id             bigint         not null,
    currency                varchar(3)     not null,
    issue_date              date           not null,
    net_amount              numeric(19, 2) not null check (net_amount >= 0),
    tax_amount              numeric(19, 2) not null check (tax_amount >= 0),
    total_amount            numeric(19, 2) not null check (total_amount > 0),
    applied_amount          numeric(19, 2) not null check (applied_amount >= 0),
    customer_credit_amount  numeric(19, 2) not null check (customer_credit_amount >= 0),
    status                  varchar(20)    not null,
    reason                  varchar(1000)  not null,
    request_key             varchar(300)   not null unique,
    issued_by               varchar(100)   not null,
    issued_at               timestamptz    not null,
    check (total_amount = net_amount + tax_amount),
    check (total_amount = applied_amount + customer_credit_amount)
);
create index credit_note_invoice on credit_note (invoice_id);

insert into ledger_account (code, name, type) values ('2150', 'Customer credit balances', 'LIABILITY');
