-- Pictures people upload as inputs (a style transfer's content or style, a saved style's picture). The gateway checks
-- each one and stores a PNG made from it (EXIF orientation applied, metadata stripped); the bytes as uploaded are not
-- kept, only their facts. One row per distinct upload: the same bytes uploaded again are the same upload.
create table upload (
    sha256           text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
    original_format  text        not null check (original_format in ('PNG', 'JPEG', 'WEBP')),
    original_bytes   bigint      not null check (original_bytes > 0),
    original_width   integer     not null check (original_width > 0),
    original_height  integer     not null check (original_height > 0),
    orientation      smallint    not null check (orientation between 1 and 8),
    image_key        text        not null,
    image_sha256     text        not null,
    width            integer     not null check (width > 0),
    height           integer     not null check (height > 0),
    created_at       timestamptz not null
);

-- The style library: a picture to paint in the manner of, saved under a name with the credit every picture made with
-- it owes (who made the source artwork, where it comes from, its licence). A style never changes, so the credit a
-- picture carries is the credit its style had; a style may still be removed.
create table style (
    id            uuid primary key,
    name          text        not null check (length(name) between 1 and 100),
    upload_sha256 text        not null references upload (sha256),
    attribution   text        not null,
    source        text        not null,
    licence       text        not null,
    visibility    text        not null check (visibility in ('PUBLIC', 'UNLISTED', 'PRIVATE')),
    owner_id      uuid        not null,
    owner_name    text        not null,
    created_at    timestamptz not null
);

create unique index style_name_per_owner on style (owner_id, lower(name));
create index style_listed on style (visibility, id desc);

create trigger upload_never_changes before update on upload
    for each row execute function forbid_rewriting_history();
create trigger style_never_changes before update on style
    for each row execute function forbid_rewriting_history();
