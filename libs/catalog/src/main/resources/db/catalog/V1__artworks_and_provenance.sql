-- Artworks are written by the workers, once per (job, item), and read by the gallery.
create table artwork (
    id              uuid primary key,
    job_id          uuid        not null,
    item_index      integer     not null,
    kind            text        not null,
    model_id        text        not null,
    model_version   text        not null,
    image_key       text        not null,
    image_sha256    text        not null,
    media_type      text        not null,
    width           integer     not null,
    height          integer     not null,
    byte_size       bigint      not null,
    created_at      timestamptz not null,
    constraint artwork_once_per_job_item unique (job_id, item_index)
);

create index artwork_by_image_sha256 on artwork (image_sha256);

-- One provenance record per artwork, written in the same statement as the artwork.
create table provenance_record (
    artwork_id  uuid primary key references artwork (id),
    record      jsonb       not null,
    created_at  timestamptz not null
);
