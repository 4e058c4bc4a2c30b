-- Who may submit jobs. API keys are stored only as SHA-256 hashes: a key is shown once, when it is made.
create table account (
    id          uuid primary key,
    name        text        not null unique,
    role        text        not null check (role in ('USER', 'ADMIN')),
    created_at  timestamptz not null
);

create table api_key (
    id            uuid primary key,
    account_id    uuid        not null references account (id),
    name          text        not null,
    secret_sha256 text        not null unique,
    scopes        text[]      not null,
    created_at    timestamptz not null,
    revoked_at    timestamptz
);

create index api_key_by_account on api_key (account_id);

alter table job add column author_id uuid references account (id);
