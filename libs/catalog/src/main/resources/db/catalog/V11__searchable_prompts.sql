-- A prompt model's words (the job's "prompt"), copied from the provenance parameters when an artwork is recorded, so
-- that searching the gallery for "cat" finds pictures asked for as "smiling cat". The provenance record stays the
-- source of truth; this column only feeds the search document. Re-adding the generated column rewrites the table
-- once, under an exclusive lock: on a large catalog, run this migration in a maintenance window.
alter table artwork add column prompt text;
alter table artwork drop column search_document;
alter table artwork add column search_document tsvector generated always as (
    setweight(to_tsvector('english', coalesce(title, '')), 'A')
    || setweight(to_tsvector('english', coalesce(label, '') || ' ' || coalesce(prompt, '') || ' ' || model_id), 'B')
    || setweight(to_tsvector('english', coalesce(description, '')), 'C')) stored;
create index artwork_search on artwork using gin (search_document);
