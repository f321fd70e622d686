-- Idempotency keys sent by API callers are stored as "api/<user>/<key>": one caller's key never replays another's.
alter table payment alter column idempotency_key type varchar(320);
