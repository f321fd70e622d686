-- A credit note on an invoice settled partly by an early-payment discount or an accepted short-payment deduction no
-- longer turns that part into refundable customer credit: the customer never paid it. After what is open and the bad
-- debt (V47), a credit note now reverses what discounts (Cr 4900) and then deductions (Cr 6900) settled on the invoice
-- and earlier credit notes have not reversed, and only the rest, what the customer paid, becomes customer credit.

-- invoice.discounted_amount / deducted_amount: what early-payment discounts and accepted deductions settled. Every
-- discount and deduction has been journaled since the ledger exists (V11), in an entry of kind DISCOUNT (Dr 4900) or
-- DEDUCTION (Dr 6900) whose document is the invoice number, for the invoice's customer and currency; existing invoices
-- get the sum of theirs, so account 4900 / 6900 reconcile with the invoices from the start. (The INVOICE_DISCOUNT /
-- INVOICE_DEDUCTION audit records say the same; the journal is the record the reconciliation compares with.)
alter table invoice
    add column discounted_amount numeric(19, 2) not null default 0 check (discounted_amount >= 0),
    add column deducted_amount numeric(19, 2) not null default 0 check (deducted_amount >= 0);
update invoice i set discounted_amount = j.discounted, deducted_amount = j.deducted
from (select e.document, e.customer_id, e.currency,
             sum(case when e.kind = 'DISCOUNT' and l.account_code = '4900' then l.debit - l.credit else 0 end)
                 as discounted,
             sum(case when e.kind = 'DEDUCTION' and l.account_code = '6900' then l.debit - l.credit else 0 end)
                 as deducted
      from journal_entry e join journal_line l on l.entry_id = e.id
      where e.kind in ('DISCOUNT', 'DEDUCTION')
      group by e.document, e.customer_id, e.currency) j
where j.document = i.number and j.customer_id = i.customer_id and j.currency = i.currency;

-- credit_note.discount_reversal_amount / deduction_reversal_amount: the parts of a credit note that reversed them.
-- Credit notes issued before this migration were booked without (no 4900 / 6900 lines in their journal entries), so
-- they keep 0; their total still equals the parts.
alter table credit_note
    add column discount_reversal_amount numeric(19, 2) not null default 0 check (discount_reversal_amount >= 0),
    add column deduction_reversal_amount numeric(19, 2) not null default 0 check (deduction_reversal_amount >= 0);
alter table credit_note drop constraint credit_note_total_split;
alter table credit_note add constraint credit_note_total_split
    check (total_amount = applied_amount + bad_debt_reversal_amount + discount_reversal_amount
                          + deduction_reversal_amount + customer_credit_amount);
