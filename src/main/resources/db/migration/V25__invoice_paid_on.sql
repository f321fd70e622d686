-- The day an invoice became fully paid, so credit scoring can measure days beyond terms with one aggregate query per
-- customer (index below) instead of walking payments. Earlier paid invoices take the value date of their last payment.

alter table invoice add column paid_on date;

update invoice i
   set paid_on = (select max(p.value_date)
                    from payment_allocation a join payment p on p.id = a.payment_id
                   where a.invoice_id = i.id)
 where i.status = 'PAID';

create index invoice_customer_paid_on on invoice (customer_id, paid_on);
