-- Double-entry AR ledger. Journal entries are append-only: the database refuses updates and deletes, and an entry
-- whose lines do not balance cannot be committed.

create table ledger_account (
    code   varchar(4)   primary key,
    name   varchar(60)  not null,
    type   varchar(10)  not null check (type in ('ASSET', 'LIABILITY', 'INCOME', 'EXPENSE'))
);
insert into ledger_account (code, name, type) values
    ('1000', 'Bank', 'ASSET'),
    ('1200', 'Accounts receivable', 'ASSET'),
    ('2100', 'Unapplied customer cash', 'LIABILITY'),
    ('2200', 'Sales tax payable', 'LIABILITY'),
    ('4000', 'Revenue', 'INCOME'),
    ('4100', 'Dunning fee income', 'INCOME'),
    ('4200', 'Interest income', 'INCOME'),
    ('4900', 'Early-payment discounts allowed', 'EXPENSE'),
    ('6900', 'Short-payment deductions', 'EXPENSE');

create table journal_entry (
    id               bigserial primary key,
    posted_at        timestamptz    not null,
    effective_date   date           not null,
    kind             varchar(30)    not null,
    document         varchar(140)   not null,
    description      varchar(500)   not null,
    customer_id      bigint references customer (id),
    currency         varchar(3)     not null,
    posted_by        varchar(100)   not null,
    idempotency_key  varchar(120)   unique,
    reversal_of      bigint unique references journal_entry (id)
);
create index journal_entry_customer on journal_entry (customer_id, effective_date);

create table journal_line (
    id            bigserial primary key,
    entry_id      bigint         not null references journal_entry (id),
    account_code  varchar(4)     not null references ledger_account (code),
    debit         numeric(19, 2) not null default 0 check (debit >= 0),
    credit        numeric(19, 2) not null default 0 check (credit >= 0),
    check ((debit = 0) <> (credit = 0))
);
create index journal_line_entry on journal_line (entry_id);
create index journal_line_account on journal_line (account_code);

create function ledger_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the ledger is append-only: % on % refused; post a reversal instead', tg_op, tg_table_name;
end $$;

create trigger journal_entry_append_only before update or delete on journal_entry
    for each row execute function ledger_is_append_only();
create trigger journal_line_append_only before update or delete on journal_line
    for each row execute function ledger_is_append_only();

create function journal_entry_must_balance() returns trigger language plpgsql as $$
declare
    difference numeric;
begin
    select coalesce(sum(debit), 0) - coalesce(sum(credit), 0) into difference
        from journal_line where entry_id = new.entry_id;
    if difference <> 0 then
        raise exception 'journal entry % does not balance: debits exceed credits by %', new.entry_id, difference;
    end if;
    return null;
end $$;

create constraint trigger journal_line_balances after insert on journal_line
    deferrable initially deferred
    for each row execute function journal_entry_must_balance();
