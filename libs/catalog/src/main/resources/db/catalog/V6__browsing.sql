-- Browsing a million artworks: a thumbnail beside each original, the label a conditional model was asked for,
-- kinds for derived pictures, and full-text search over what people and models said about each artwork.
alter table artwork
    add column thumbnail_key    text,
    add column thumbnail_width  integer,
    add column thumbnail_height integer,
    add column label            text,
    add constraint artwork_kind_is_known check (kind in ('GENERATED', 'STYLED', 'UPSCALED', 'VARIATION')),
    add column search_document  tsvector generated always as (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', coalesce(label, '') || ' ' || model_id), 'B')
        || setweight(to_tsvector('english', coalesce(description, '')), 'C')) stored;

-- Every listing is newest first (time-ordered ids) within one filter; each filter has its keyset index.
create index artwork_by_model on artwork (model_id, id desc);
create index artwork_by_kind on artwork (kind, id desc);
create index artwork_by_licence on artwork (licence, id desc);
create index artwork_search on artwork using gin (search_document);
