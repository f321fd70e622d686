-- The start sweeps look for records whose process was never recorded: almost none, so partial indexes stay tiny
-- and spare the sweeps a scan of every order, dispute and write-off each minute.
create index sales_order_unstarted on sales_order (placed_at) where process_instance_key is null;
create index dispute_unstarted on dispute (opened_at) where process_instance_key is null;
create index write_off_unstarted on write_off (requested_at) where process_instance_key is null;
