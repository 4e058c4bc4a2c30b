-- Jobs are owned by the gateway: it alone writes this table, from requests and from workers' job events.
create table job (
    id                  uuid primary key,
    kind                text        not null,
    state               text        not null,
    request             jsonb       not null,
    artwork_ids         uuid[]      not null default '{}',
    failure             jsonb,
    idempotency_key     text        unique,
    request_fingerprint text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);
