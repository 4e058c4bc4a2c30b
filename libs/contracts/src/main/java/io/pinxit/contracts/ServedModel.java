package io.pinxit.contracts;

import com.fasterxml.jackson.databind.JsonNode;

/** One model a worker serves, with its full model card as published by the worker. */
public record ServedModel(String id, String version, String family, JsonNode card) {

    /** The family whose models encode pictures into a latent space and decode any point of it. */
    public static final String VAE_FAMILY = "vae";

    /** Whether the model can vary an artwork it made and interpolate between two points (a VAE can, a GAN cannot). */
    public boolean reachesLatentSpace() {
        return VAE_FAMILY.equals(family);
    }
}
