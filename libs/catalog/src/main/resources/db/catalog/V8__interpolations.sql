-- Interpolations: the frames between two points of a model's latent space, and the animated picture made of them.
alter table artwork
    drop constraint artwork_kind_is_known,
    add constraint artwork_kind_is_known
        check (kind in ('GENERATED', 'STYLED', 'UPSCALED', 'VARIATION', 'FRAME', 'ANIMATION'));

alter table lineage_edge
    drop constraint lineage_edge_relation_check,
    add constraint lineage_edge_relation_is_known
        check (relation in ('CONTENT', 'STYLE', 'VARIATION', 'UPSCALE', 'ENDPOINT', 'FRAME'));
