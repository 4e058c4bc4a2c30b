package io.pinxit.contracts;

import com.fasterxml.jackson.databind.JsonNode;

/** One model a worker serves, with its full model card as published by the worker. */
public record ServedModel(String id, String version, String family, JsonNode card) {
}
