-- Fast style networks: a saved style learned into a feed-forward network (Johnson et al.) that paints a picture in one
-- pass. A style may have several (trained again with more steps); the newest is the one new jobs use, and a job names
-- the network it used, so an older one is kept as long as its style. Shipped networks come with Pinxit's models
-- (model_id); trained ones were made by a training job (job_id). Weights live in object storage, hash-checked.
create table style_network (
    id             uuid primary key,
    style_id       uuid        not null references style (id),
    model_id       text,
    job_id         uuid unique,
    weights_key    text        not null,
    weights_sha256 text        not null check (weights_sha256 ~ '^[0-9a-f]{64}$'),
    steps          integer     not null check (steps > 0),
    batch_size     integer     not null check (batch_size > 0),
    crop_size      integer     not null check (crop_size > 0),
    seed           bigint      not null,
    style_loss     double precision not null,
    content_loss   double precision not null,
    trained_by     text        not null,
    created_at     timestamptz not null,
    check ((model_id is null) <> (job_id is null))
);

create index style_network_newest on style_network (style_id, id desc);

create trigger style_network_never_changes before update on style_network
    for each row execute function forbid_rewriting_history();
