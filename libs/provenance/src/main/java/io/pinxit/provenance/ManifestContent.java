package io.pinxit.provenance;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a manifest says about a picture: who made it, with which software and model, from which ingredients.
 *
 * @param title        the picture's title ({@code dc:title})
 * @param author       the person or organisation credited as creator, if any
 * @param licence      SPDX licence identifier of the picture, e.g. {@code CC-BY-4.0}, if any
 * @param digitalSourceType IPTC digital source type URI, e.g. {@link #TRAINED_ALGORITHMIC_MEDIA}
 * @param generator    the software that made the picture and signs the claim
 * @param actions      what was done, first action {@code c2pa.created} or {@code c2pa.opened} (C2PA 2.x §18.15)
 * @param ingredients  pictures this one was derived from, referenced by index from actions
 * @param generation   the {@code io.pinxit.generation} assertion: model id, version, weight hash, parameters, seed, job id
 * @param credits      attributions owed, e.g. for training data
 */
public record ManifestContent(
        String title,
        Optional<Author> author,
        Optional<String> licence,
        String digitalSourceType,
        SoftwareAgent generator,
        List<Action> actions,
        List<Ingredient> ingredients,
        Map<String, Object> generation,
        List<Credit> credits) {

    public static final String TRAINED_ALGORITHMIC_MEDIA =
            "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";
    public static final String COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA =
            "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia";

    public ManifestContent {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(licence, "licence");
        Objects.requireNonNull(digitalSourceType, "digitalSourceType");
        Objects.requireNonNull(generator, "generator");
        actions = List.copyOf(actions);
        ingredients = List.copyOf(ingredients);
        generation = Collections.unmodifiableMap(new LinkedHashMap<>(generation));
        credits = List.copyOf(credits);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("a manifest needs at least one action");
        }
        for (Action action : actions) {
            for (int index : action.ingredients()) {
                if (index < 0 || index >= ingredients.size()) {
                    throw new IllegalArgumentException(
                            action.action() + " refers to ingredient " + index + " but there are " + ingredients.size());
                }
            }
        }
    }

    /** The person or organisation credited as creator; {@code identifier} is e.g. a profile URL or ORCID. */
    public record Author(String name, Optional<String> identifier) {
        public Author {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(identifier, "identifier");
        }
    }

    /** A software agent in C2PA's generator-info form (C2PA 2.x §11.1). */
    public record SoftwareAgent(String name, String version) {
        public SoftwareAgent {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
        }
    }

    /**
     * One entry of the {@code c2pa.actions.v2} assertion.
     *
     * @param action      a C2PA action name such as {@link #CREATED}
     * @param ingredients indexes into {@link ManifestContent#ingredients()} this action used
     */
    public record Action(String action, List<Integer> ingredients) {
        public static final String CREATED = "c2pa.created";
        public static final String OPENED = "c2pa.opened";
        public static final String PLACED = "c2pa.placed";
        public static final String EDITED = "c2pa.edited";

        public Action {
            Objects.requireNonNull(action, "action");
            ingredients = List.copyOf(ingredients);
        }

        public static Action created() {
            return new Action(CREATED, List.of());
        }

        public static Action opened(int ingredient) {
            return new Action(OPENED, List.of(ingredient));
        }

        public static Action placed(int ingredient) {
            return new Action(PLACED, List.of(ingredient));
        }

        public static Action edited() {
            return new Action(EDITED, List.of());
        }
    }

    /**
     * A picture this one was derived from, written as a {@code c2pa.ingredient.v3} assertion. {@code instanceId}
     * identifies the parent, by default through the SHA-256 of its bytes, so that a stripped parent can still be
     * found by content hash. When the parent carried a C2PA manifest, {@code manifest} holds it: signing copies it
     * verbatim into the new manifest store and the assertion references it ({@code activeManifest},
     * {@code claimSignature}, {@code validationResults}); see {@link #fromFile}.
     */
    public record Ingredient(String title, String format, String instanceId, Relationship relationship,
                             Optional<IngredientManifest> manifest) {
        public Ingredient {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(instanceId, "instanceId");
            Objects.requireNonNull(relationship, "relationship");
            Objects.requireNonNull(manifest, "manifest");
        }

        /** A structural ingredient: the parent's manifest, if it had one, is not embedded. */
        public Ingredient(String title, String format, String instanceId, Relationship relationship) {
            this(title, format, instanceId, relationship, Optional.empty());
        }

        public static Ingredient ofParent(String title, String format, byte[] parentBytes, Relationship relationship) {
            return new Ingredient(title, format, contentHash(parentBytes), relationship);
        }

        /**
         * An ingredient made from the parent PNG's bytes: when the parent carries a readable C2PA manifest store,
         * its manifests are kept for embedding, with how the parent validated now (trusting nobody). A parent
         * without a manifest, or with one that cannot be read, becomes a plain ingredient.
         *
         * @throws InvalidImageException if {@code parentPng} is not a well-formed PNG
         */
        public static Ingredient fromFile(String title, byte[] parentPng, Relationship relationship)
                throws InvalidImageException {
            return fromFile(title, parentPng, relationship, List.of());
        }

        /** As {@link #fromFile(String, byte[], Relationship)}, judging the parent's signer against {@code trustAnchors}. */
        public static Ingredient fromFile(String title, byte[] parentPng, Relationship relationship,
                                          Collection<X509Certificate> trustAnchors) throws InvalidImageException {
            PngChunks.parse(parentPng);
            return new Ingredient(title, "image/png", contentHash(parentPng), relationship,
                    IngredientManifest.of(parentPng, trustAnchors));
        }

        private static String contentHash(byte[] bytes) {
            return "sha256:" + HexFormat.of().formatHex(HardBinding.sha256(bytes));
        }
    }

    /** How an ingredient relates to the picture (C2PA 2.x §18.8). */
    public enum Relationship {
        PARENT_OF("parentOf"),
        COMPONENT_OF("componentOf"),
        INPUT_TO("inputTo");

        private final String label;

        Relationship(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Optional<Relationship> fromLabel(String label) {
            for (Relationship relationship : values()) {
                if (relationship.label.equals(label)) {
                    return Optional.of(relationship);
                }
            }
            return Optional.empty();
        }
    }

    /** An attribution owed by the picture, e.g. to the makers of its training data. */
    public record Credit(String work, String creator, String licence) {
        public Credit {
            Objects.requireNonNull(work, "work");
            Objects.requireNonNull(creator, "creator");
            Objects.requireNonNull(licence, "licence");
        }
    }
}
