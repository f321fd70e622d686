-- The invoice's collection runs as a call activity of its order's process; the key was never written.
alter table invoice drop column process_instance_key;
