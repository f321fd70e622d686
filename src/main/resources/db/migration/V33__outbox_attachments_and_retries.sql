-- Outbox e-mails carry a document as attachment, keep their own Message-ID (the same on every attempt, so a receiver
-- can tell a repeat) and are retried after a failure until max attempts.
alter table email_outbox
    add column attachment_document_id bigint references document (id),
    add column message_id             varchar(200),
    add column attempts               int not null default 0,
    add column next_attempt_at        timestamptz;
update email_outbox set message_id = '<outbox-' || id || '@o2c.invalid>' where message_id is null;
alter table email_outbox alter column message_id set not null;
create unique index email_outbox_message_id on email_outbox (message_id);
create index email_outbox_due on email_outbox (status, next_attempt_at);
