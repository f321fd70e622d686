-- A credit note on an invoice that was written off no longer turns the written-off part into refundable customer
-- credit: the customer never paid it. What a credit note does not take off the open amount now reverses what write-offs
-- took off the invoice first (Dr 4000 / Dr 2200 / Cr 6800 bad debt expense), and only the rest, what the customer had
-- paid, becomes customer credit (Cr 2150).

-- invoice.written_off_amount: what write-offs (approved and the system's small residuals) took off the invoice as bad
-- debt. Every posted write-off did so with its posted_amount, so existing invoices get the sum of theirs.
alter table invoice add column written_off_amount numeric(19, 2) not null default 0
    check (written_off_amount >= 0);
update invoice i set written_off_amount = w.posted
from (select invoice_id, sum(posted_amount) as posted from write_off where status = 'POSTED' group by invoice_id) w
where w.invoice_id = i.id;

-- credit_note.bad_debt_reversal_amount: the part of a credit note that reversed bad debt. Credit notes issued before
-- this migration were booked without one (applied + customer credit, as their journal entries show), so they keep 0;
-- their total still equals the three parts.
alter table credit_note add column bad_debt_reversal_amount numeric(19, 2) not null default 0
    check (bad_debt_reversal_amount >= 0);
-- V35's second table check, check (total_amount = applied_amount + customer_credit_amount), which PostgreSQL named
-- credit_note_check1 (the first, total = net + tax, is credit_note_check)
alter table credit_note drop constraint credit_note_check1;
alter table credit_note add constraint credit_note_total_split
    check (total_amount = applied_amount + bad_debt_reversal_amount + customer_credit_amount);

-- Invoices an approved write-off closed before V46 stayed PAID; they become WRITTEN_OFF, as V46 closes them now. An
-- invoice qualifies only when it is PAID with nothing open and one of its approved (not automatic) posted write-offs
-- provably left nothing open:
--  * posted less than approved: posting takes min(approved, open), so it took all that was open; or
--  * its WRITE_OFF_POSTED audit record (written in the posting's transaction, text unchanged since write-offs exist)
--    ends "open now 0" / "open now 0.00" (automatic residuals add " (automatic: small residual)" and are excluded
--    anyway).
-- A write-off that left something open, paid later, keeps its invoice PAID. Since V46 an approved write-off that
-- closes an invoice makes it WRITTEN_OFF, so only invoices closed before V46 match. Each change is audited.
with closed_by_write_off as (
    update invoice i set status = 'WRITTEN_OFF'
    where i.status = 'PAID' and i.open_amount = 0
      and exists (
        select 1 from write_off w
        where w.invoice_id = i.id and not w.automatic and w.status = 'POSTED'
          and (w.posted_amount < w.amount
               or exists (select 1 from audit_record a
                          where a.entity_type = 'write-off' and a.entity_id = w.id::text
                            and a.action = 'WRITE_OFF_POSTED' and a.details ~ ', open now 0(\.0+)?$')))
    returning i.id, i.number)
insert into audit_record (at, actor, action, entity_type, entity_id, details, reason)
select now(), 'system', 'INVOICE_STATUS_CORRECTED', 'invoice', id::text,
       number || ' PAID -> WRITTEN_OFF: closed by an approved write-off before WRITTEN_OFF existed', 'migration V47'
from closed_by_write_off;
