package io.pinxit.recording;

import io.pinxit.catalog.ContentCheck;
import io.pinxit.catalog.Relation;
import io.pinxit.contracts.Authorship;
import io.pinxit.contracts.Sha256;
import io.pinxit.inference.ModelCard;
import io.pinxit.provenance.C2paPng;
import io.pinxit.provenance.InvalidImageException;
import io.pinxit.provenance.ManifestContent;
import io.pinxit.provenance.SigningCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs every new picture with a C2PA manifest that says who asked for it (the author), what made it (the model,
 * its weights and parameters), what it was made from (its parent, whose own manifests it carries along as an
 * ingredient), what is owed to the data behind the models (the credits), and what the content screen saw in it.
 */
@ApplicationScoped
public class ArtworkSigning {

    private final SigningCredentials credentials;
    private final ManifestContent.SoftwareAgent generator;

    ArtworkSigning(SigningCredentials credentials,
                   @ConfigProperty(name = "quarkus.application.name") String service,
                   @ConfigProperty(name = "quarkus.application.version") String version) {
        this.credentials = credentials;
        this.generator = new ManifestContent.SoftwareAgent("Pinxit " + service, version);
    }

    /** A signed picture, and the hash its file has once the manifest is stripped again. */
    public record SignedPicture(byte[] bytes, String strippedSha256) {
    }

    SignedPicture sign(UUID artworkId, NewArtwork made, ContentCheck check) {
        Authorship authorship = made.authorship();
        ModelCard card = made.model();
        Map<String, Object> generation = new LinkedHashMap<>();
        generation.put("artworkId", artworkId.toString());
        generation.put("jobId", made.jobId().toString());
        generation.put("index", made.index());
        generation.put("model", Map.of("id", card.id(), "version", card.version(), "family", card.family(),
                "weightsSha256", card.weightsSha256()));
        generation.put("parameters", made.parameters());
        generation.put("contentCheck", Map.of("model", check.model(), "version", check.modelVersion(),
                "scores", check.scores(), "blurAt", check.blurAt(), "refuseAt", check.refuseAt(),
                "decision", check.decision().name()));
        try {
            List<ManifestContent.Ingredient> ingredients = new ArrayList<>();
            for (NewArtwork.Parent parent : made.parents()) {
                ingredients.add(ManifestContent.Ingredient.fromFile(parent.title(), parent.storedPng(),
                        relationshipOf(parent.relation())));
            }
            var content = new ManifestContent(
                    authorship.title() != null ? authorship.title() : made.defaultTitle(),
                    Optional.of(new ManifestContent.Author(authorship.authorName(),
                            Optional.of("pinxit:account:" + authorship.authorId()))),
                    Optional.of(authorship.licence()),
                    ManifestContent.TRAINED_ALGORITHMIC_MEDIA,
                    generator,
                    actionsOn(ingredients),
                    ingredients,
                    generation,
                    made.credits().stream().map(credit -> new ManifestContent.Credit(credit.source(),
                            credit.attribution(), credit.licence())).toList());
            byte[] signed = C2paPng.sign(made.picture().png(), content, credentials);
            return new SignedPicture(signed, Sha256.hex(C2paPng.strip(signed)));
        } catch (InvalidImageException e) {
            throw new IllegalStateException("A model made, or an artwork holds, an image that is not a PNG", e);
        }
    }

    /**
     * A picture edited from one parent (upscaled, varied) opens it; an interpolation frame is created with its end
     * artworks as inputs; an animation is created by placing its frames.
     */
    private static ManifestContent.Relationship relationshipOf(Relation relation) {
        return switch (relation) {
            case CONTENT, UPSCALE, VARIATION -> ManifestContent.Relationship.PARENT_OF;
            case STYLE, ENDPOINT -> ManifestContent.Relationship.INPUT_TO;
            case FRAME -> ManifestContent.Relationship.COMPONENT_OF;
        };
    }

    private static List<ManifestContent.Action> actionsOn(List<ManifestContent.Ingredient> ingredients) {
        List<ManifestContent.Action> actions = new ArrayList<>();
        for (int index = 0; index < ingredients.size(); index++) {
            if (ingredients.get(index).relationship() == ManifestContent.Relationship.PARENT_OF) {
                actions.add(ManifestContent.Action.opened(index));
                actions.add(ManifestContent.Action.edited());
            }
        }
        if (actions.isEmpty()) {
            actions.add(ManifestContent.Action.created());
        }
        for (int index = 0; index < ingredients.size(); index++) {
            if (ingredients.get(index).relationship() == ManifestContent.Relationship.COMPONENT_OF) {
                actions.add(ManifestContent.Action.placed(index));
            }
        }
        return actions;
    }
}
