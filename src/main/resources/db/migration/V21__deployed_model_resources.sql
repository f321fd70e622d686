-- Every process, decision and form accepted through the safe deploy (POST /api/models), one row per id it defines.
-- The inbox reads the latest row per id (element names, linked forms, form schemas); at start-up the application
-- deploys the shipped files overlaid with the latest accepted uploads, so they survive where this table does.
create table model_resource (
    id              bigserial primary key,
    deployment_key  bigint        not null,
    name            varchar(120)  not null,
    kind            varchar(20)   not null check (kind in ('PROCESS', 'DECISION', 'FORM')),
    resource_id     varchar(255)  not null,
    version         integer       not null,
    checksum        varchar(64)   not null,
    content         bytea         not null,
    deployed_by     varchar(100)  not null,
    deployed_at     timestamptz   not null
);
create index model_resource_latest on model_resource (kind, resource_id, id desc);
