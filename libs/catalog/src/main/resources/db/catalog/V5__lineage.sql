-- Which artworks an artwork was made from, and how. Written with the child's provenance record, never changed.
create table lineage_edge (
    parent_id   uuid not null references artwork (id),
    child_id    uuid not null references artwork (id),
    relation    text not null check (relation in ('CONTENT', 'STYLE', 'VARIATION', 'UPSCALE')),
    primary key (parent_id, child_id, relation)
);

create index lineage_edge_by_child on lineage_edge (child_id);

create trigger lineage_edge_is_append_only before update or delete on lineage_edge
    for each row execute function forbid_rewriting_history();
