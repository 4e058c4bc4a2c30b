package io.pinxit.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * Asks a style worker to paint the {@code content} picture in the manner of the {@code style} picture and record the
 * result as a new artwork whose parents are both inputs, authored as {@code authorship} says. {@code strength} (0..1)
 * says how far from the content the picture may move towards the style, {@code preserveColor} keeps the content's
 * colours, {@code size} is the result's longest side in pixels (the other side keeps the content's aspect ratio), and
 * {@code seed} fixes whatever the worker draws at random. With {@code fastStyleNetwork} (the id of a network the saved
 * style was learned into) the worker paints with that network in one pass instead of optimising; seed does not
 * apply then. Version 2 replaced the placeholder of version 1 (two
 * artwork ids and a seed), which no gateway ever published.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StyleCommand(int schemaVersion, UUID jobId, Input content, Input style, double strength,
                           boolean preserveColor, int size, long seed, Authorship authorship, Instant submittedAt,
                           @JsonInclude(JsonInclude.Include.NON_NULL) UUID fastStyleNetwork) {

    public static final int SCHEMA_VERSION = 2;

    /** The longest side of a styled picture, in pixels: at least this… */
    public static final int MIN_SIZE = 64;
    /** …and at most this. */
    public static final int MAX_SIZE = 1024;
    public static final int DEFAULT_SIZE = 512;
    public static final double DEFAULT_STRENGTH = 1.0;

    public static StyleCommand of(UUID jobId, Input content, Input style, double strength, boolean preserveColor,
                                  int size, long seed, Authorship authorship, Instant submittedAt) {
        return new StyleCommand(SCHEMA_VERSION, jobId, content, style, strength, preserveColor, size, seed, authorship,
                submittedAt, null);
    }

    /** This command painted with the fast style network {@code networkId} of its saved style. */
    public StyleCommand withFastStyleNetwork(UUID networkId) {
        return new StyleCommand(schemaVersion, jobId, content, style, strength, preserveColor, size, seed, authorship,
                submittedAt, networkId);
    }

    /** Whether a fast style network paints this, rather than an optimisation. */
    @JsonIgnore
    public boolean isFast() {
        return fastStyleNetwork != null;
    }

    /** Where an input picture comes from. */
    public enum Source {
        /** An artwork of the catalog, which becomes a parent of the result in its lineage. */
        ARTWORK,
        /** A picture uploaded with the request. */
        UPLOAD,
        /** A style of the style library: its picture (an upload) and the credit every picture made with it owes. */
        SAVED_STYLE
    }

    /**
     * One input picture: an artwork ({@code artworkId}), an upload ({@code upload}), or a saved style
     * ({@code styleId}, with its picture as {@code upload} and its {@code credit}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Input(UUID artworkId, UploadedImage upload, UUID styleId, Credit credit) {

        public static Input ofArtwork(UUID artworkId) {
            return new Input(artworkId, null, null, null);
        }

        public static Input ofUpload(UploadedImage upload) {
            return new Input(null, upload, null, null);
        }

        public static Input ofSavedStyle(UUID styleId, UploadedImage image, Credit credit) {
            return new Input(null, image, styleId, credit);
        }

        @JsonIgnore
        public Source source() {
            if (styleId != null) {
                return Source.SAVED_STYLE;
            }
            return artworkId != null ? Source.ARTWORK : Source.UPLOAD;
        }
    }

    /** An attribution owed to the source of a saved style, with its licence as an SPDX id. */
    public record Credit(String source, String licence, String attribution) {
    }
}
