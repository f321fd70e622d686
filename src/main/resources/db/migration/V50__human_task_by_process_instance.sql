-- The tasks of a process instance are looked up by its key: the console's instance page, a dispute's due date (the
-- Disputes page asks for the due dates of a whole list of instances), the collector's case view. Without an index
-- each of those read the whole task table, which grows by every task ever created.
create index human_task_process_instance on human_task (process_instance_key);
