package io.pinxit.client;

import java.util.Map;

/** A model running workers serve, with its model card. */
public record ServedModel(String id, String version, String family, Map<String, Object> card) {
}
