-- The language a customer's documents are written in (ISO 639-1) and the postal address EN 16931 needs for the
-- buyer of an e-invoice (BG-8: country code mandatory, street, city and post code where known).
alter table customer
    add column language     varchar(2)   not null default 'en' check (language ~ '^[a-z]{2}$'),
    add column street       varchar(100),
    add column postal_code  varchar(20),
    add column city         varchar(100),
    add column country_code varchar(2) check (country_code ~ '^[A-Z]{2}$'),
    -- the buyer's Peppol participant (EAS scheme:identifier, BT-49), where the customer receives Peppol e-invoices
    add column peppol_id    varchar(90) check (peppol_id ~ '^[0-9]{4}:[^[:space:]:]{1,80}$');

-- Documents the customer receives, generated once per record and kept: what was sent can be shown again byte for byte.
create table document (
    id          bigserial primary key,
    kind        varchar(20)  not null,
    reference   varchar(120) not null,
    language    varchar(2)   not null,
    media_type  varchar(60)  not null,
    file_name   varchar(160) not null,
    content     bytea        not null,
    sha256      varchar(64)  not null,
    created_at  timestamptz  not null,
    unique (kind, reference)
);
