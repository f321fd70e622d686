-- The process console's read model: a projection of the engine's records (process, element, incident, job,
-- variable), applied in record-position order and idempotent per position. In embedded mode the application reads
-- the in-memory engine's record stream; against a cluster an exporter would write the same rows.

create table console_position (
    id        int primary key check (id = 1),
    position  bigint not null
);
insert into console_position (id, position) values (1, -1);

create table console_process (
    definition_key   bigint primary key,
    bpmn_process_id  varchar(200)  not null,
    version          int           not null,
    resource_name    varchar(300),
    xml              text          not null,
    deployed_at      timestamptz   not null
);
create index console_process_id on console_process (bpmn_process_id, version);

create table console_instance (
    key              bigint primary key,
    definition_key   bigint        not null,
    bpmn_process_id  varchar(200)  not null,
    version          int           not null,
    parent_key       bigint,
    business_key     varchar(100),
    state            varchar(12)   not null,
    started_at       timestamptz   not null,
    ended_at         timestamptz
);
create index console_instance_process on console_instance (bpmn_process_id, state);

create table console_element (
    key            bigint primary key,
    instance_key   bigint        not null,
    element_id     varchar(200)  not null,
    element_type   varchar(40)   not null,
    state          varchar(12)   not null,
    started_at     timestamptz   not null,
    ended_at       timestamptz
);
create index console_element_instance on console_element (instance_key);

create table console_flow (
    position      bigint primary key,
    instance_key  bigint        not null,
    flow_id       varchar(200)  not null,
    taken_at      timestamptz   not null
);
create index console_flow_instance on console_flow (instance_key);

create table console_job (
    key            bigint primary key,
    type           varchar(200)  not null,
    worker         varchar(200),
    retries        int,
    error_message  varchar(2000)
);

create table console_incident (
    key                   bigint primary key,
    instance_key          bigint        not null,
    element_instance_key  bigint,
    element_id            varchar(200)  not null,
    error_type            varchar(60)   not null,
    error_message         varchar(4000),
    job_key               bigint,
    state                 varchar(10)   not null,
    created_at            timestamptz   not null,
    resolved_at           timestamptz
);
create index console_incident_instance on console_incident (instance_key, state);

create table console_variable (
    scope_key     bigint        not null,
    name          varchar(200)  not null,
    instance_key  bigint        not null,
    value         text          not null,
    updated_at    timestamptz   not null,
    primary key (scope_key, name)
);
create index console_variable_instance on console_variable (instance_key);
