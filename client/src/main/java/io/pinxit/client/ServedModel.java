package io.pinxit.client;

/** A model running workers serve (its model card is in the API's JSON, {@code --json}). */
public record ServedModel(String id, String version, String family) {
}
