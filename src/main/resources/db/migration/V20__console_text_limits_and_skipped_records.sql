-- The console stores text that comes from outside (worker error messages, variable values, names). Every such column
-- has a declared length, and the projection cuts text to it (ConsoleColumns reads these lengths from the catalog).
-- A job's error message is the same text as its incident's: give both the same room.
alter table console_job alter column error_message type varchar(4000);

-- Variable values were unbounded text cut in code; the limit now lives here with the others. Rows written before
-- this migration may be a few characters longer (old cut plus its marker).
alter table console_variable alter column value type varchar(4000) using left(value, 4000);

-- A record the projection could not apply is skipped, so the feed goes on; it is kept here for operators.
create table console_skipped_record (
    position     bigint primary key,
    value_type   varchar(60)    not null,
    intent       varchar(60)    not null,
    record_key   bigint         not null,
    reason       varchar(2000)  not null,
    skipped_at   timestamptz    not null
);
