package io.pinxit.generation.service;

import io.pinxit.contracts.Authorship;
import io.pinxit.contracts.GenerationCommand;
import io.pinxit.contracts.Sha256;
import io.pinxit.inference.ModelCard;
import io.pinxit.provenance.C2paPng;
import io.pinxit.provenance.InvalidImageException;
import io.pinxit.provenance.ManifestContent;
import io.pinxit.provenance.SigningCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs every generated picture with a C2PA manifest that says who asked for it (the author), what made it (the
 * model, its weights and parameters) and what its training data is owed (the credits).
 */
@ApplicationScoped
public class ArtworkSigning {

    private final SigningCredentials credentials;
    private final ManifestContent.SoftwareAgent generator;

    ArtworkSigning(SigningCredentials credentials,
                   @ConfigProperty(name = "quarkus.application.version") String version) {
        this.credentials = credentials;
        this.generator = new ManifestContent.SoftwareAgent("Pinxit generation-service", version);
    }

    /** A signed picture, and the hash its file has once the manifest is stripped again. */
    public record SignedPicture(byte[] bytes, String strippedSha256) {
    }

    public SignedPicture sign(byte[] png, UUID artworkId, int index, GenerationCommand command, ModelCard card) {
        Authorship authorship = command.authorship();
        Map<String, Object> generation = new LinkedHashMap<>();
        generation.put("artworkId", artworkId.toString());
        generation.put("jobId", command.jobId().toString());
        generation.put("index", index);
        generation.put("model", Map.of("id", card.id(), "version", card.version(), "family", card.family(),
                "weightsSha256", card.weightsSha256()));
        generation.put("parameters", Map.of("seed", command.seed(), "count", command.count()));
        var content = new ManifestContent(
                authorship.title() != null ? authorship.title() : card.id() + " #" + (index + 1),
                Optional.of(new ManifestContent.Author(authorship.authorName(),
                        Optional.of("pinxit:account:" + authorship.authorId()))),
                Optional.of(authorship.licence()),
                ManifestContent.TRAINED_ALGORITHMIC_MEDIA,
                generator,
                List.of(ManifestContent.Action.created()),
                List.of(),
                generation,
                card.dataSources().stream().map(source -> new ManifestContent.Credit(
                        source.name() + " (training data of " + card.id() + ")", source.attribution(),
                        source.licence())).toList());
        try {
            byte[] signed = C2paPng.sign(png, content, credentials);
            return new SignedPicture(signed, Sha256.hex(C2paPng.strip(signed)));
        } catch (InvalidImageException e) {
            throw new IllegalStateException("The model made an image that is not a PNG", e);
        }
    }
}
