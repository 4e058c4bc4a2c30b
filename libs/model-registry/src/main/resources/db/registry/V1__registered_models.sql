-- Models registered at run time, beside the ones shipped on the classpath. The card is the model's description;
-- its weights lie in the models bucket under weights_key, content-addressed by weights_sha256.
create table registry.registered_model (
    id             text primary key,
    version        text        not null,
    family         text        not null,
    format         text        not null,
    card           jsonb       not null,
    weights_key    text        not null,
    weights_sha256 text        not null check (weights_sha256 ~ '^[0-9a-f]{64}$'),
    weights_size   bigint      not null check (weights_size > 0),
    registered_at  timestamptz not null,
    registered_by  text        not null
);

create index registered_model_by_time on registry.registered_model (registered_at, id);
