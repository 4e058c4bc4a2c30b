-- "More like this": each artwork's image embedding, computed once by the worker that made it. The sketch is 64
-- sign bits of fixed random projections of the vector; nearby pictures share most bits, so a scan over sketches
-- (8 bytes a row) finds candidates that the full vectors then rank.
create table artwork_embedding (
    artwork_id  uuid primary key references artwork (id),
    model_id    text   not null,
    sketch      bigint not null,
    vector      real[] not null
);
