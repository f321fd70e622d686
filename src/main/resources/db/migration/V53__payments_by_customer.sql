-- A customer's latest payments (credit and limit reviews, the task context, the customer account) were read by walking
-- the whole payment table: no index started with the customer.
create index payment_customer_posted on payment (customer_id, posted_at desc, id desc);
