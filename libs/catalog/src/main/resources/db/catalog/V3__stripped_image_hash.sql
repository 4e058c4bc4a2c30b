-- Stored images carry a signed C2PA manifest. The hash of the image without it finds an artwork again from a
-- copy whose manifest was stripped.
alter table artwork add column stripped_sha256 text;

create index artwork_by_stripped_sha256 on artwork (stripped_sha256);
