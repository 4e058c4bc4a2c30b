package io.pinxit.style.service;

import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.catalog.CatalogEntry;
import io.pinxit.catalog.ProvenanceRecord;
import io.pinxit.catalog.Relation;
import io.pinxit.contracts.StyleCommand;
import io.pinxit.contracts.UploadedImage;
import io.pinxit.recording.ArtworkNotFoundException;
import io.pinxit.recording.ArtworkScreening;
import io.pinxit.recording.NewArtwork;
import io.pinxit.recording.RefusedPictureException;
import io.pinxit.recording.StoredImages;
import io.pinxit.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Reads a style command's input pictures back from the catalog and the object store. Pictures that are not artworks
 * (uploads and saved styles) are screened by the content policy first; artworks were screened when they were made.
 */
@ApplicationScoped
public class StyleInputs {

    private final ArtworkCatalog catalog;
    private final StoredImages images;
    private final ObjectStore store;
    private final ArtworkScreening screening;

    StyleInputs(ArtworkCatalog catalog, StoredImages images, ObjectStore store, ArtworkScreening screening) {
        this.catalog = catalog;
        this.images = images;
        this.store = store;
        this.screening = screening;
    }

    /**
     * One input, read: its pixels, the parent it makes of the result (a lineage edge when it is an artwork, an
     * ingredient of the manifest either way), the artwork it is (if it is one), the credits it owes, and what the
     * result's parameters say about it.
     */
    record Input(BufferedImage picture, NewArtwork.Parent parent, Optional<CatalogEntry> artwork,
                 List<ProvenanceRecord.Credit> credits, Map<String, Object> description) {
    }

    /**
     * @throws ArtworkNotFoundException when an input artwork is not in the catalog
     * @throws RefusedPictureException when the content policy refuses an uploaded picture
     */
    Input read(StyleCommand.Input input, Relation relation) {
        return switch (input.source()) {
            case ARTWORK -> artwork(input, relation);
            case UPLOAD -> upload(input.upload(), relation, "uploaded picture", List.of(), Map.of());
            case SAVED_STYLE -> upload(input.upload(), relation, "saved style " + input.styleId(),
                    List.of(new ProvenanceRecord.Credit(input.credit().source(), input.credit().licence(),
                            input.credit().attribution())),
                    Map.of("styleId", input.styleId().toString()));
        };
    }

    private Input artwork(StyleCommand.Input input, Relation relation) {
        CatalogEntry entry = catalog.find(input.artworkId())
                .orElseThrow(() -> new ArtworkNotFoundException(input.artworkId()));
        StoredImages.StoredPicture stored = images.pictureOf(entry);
        var parent = new NewArtwork.Parent(entry.artwork().id(), relation, NewArtwork.titleOf(entry),
                stored.signedPng());
        return new Input(stored.image(), parent, Optional.of(entry), entry.provenance().credits(),
                Map.of("artworkId", entry.artwork().id().toString()));
    }

    /** The picture of an upload, as the gateway stored it. */
    BufferedImage picture(UploadedImage upload) {
        return decode(store.read(upload.imageKey()), upload.imageKey());
    }

    private Input upload(UploadedImage upload, Relation relation, String title,
                         List<ProvenanceRecord.Credit> credits, Map<String, Object> more) {
        byte[] png = store.read(upload.imageKey());
        BufferedImage picture = decode(png, upload.imageKey());
        screening.requireAllowed(picture, relation.name().toLowerCase(Locale.ROOT) + " picture (" + title + ")");
        Map<String, Object> description = new LinkedHashMap<>(more);
        description.put("uploadSha256", upload.sha256());
        description.put("imageSha256", upload.imageSha256());
        return new Input(picture, new NewArtwork.Parent(null, relation, title, png), Optional.empty(), credits,
                description);
    }

    private static BufferedImage decode(byte[] png, String key) {
        try {
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png));
            if (picture == null) {
                throw new IllegalStateException("The stored upload " + key + " is not a picture");
            }
            return picture;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not decode the uploaded picture " + key, e);
        }
    }
}
