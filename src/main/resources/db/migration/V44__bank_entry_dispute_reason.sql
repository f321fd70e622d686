-- A clerk who posts a short payment to one invoice may dispute the shortfall: the reason code (one of the disputes'
-- codes) is kept with the clerk's choice, and the dispute opens in the same transaction as the posting.
alter table bank_entry add column dispute_reason varchar(40);
