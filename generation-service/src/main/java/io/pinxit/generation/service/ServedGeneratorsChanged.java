package io.pinxit.generation.service;

import java.util.Set;

/** The set of generators this worker serves has changed (a registered model was picked up). */
public record ServedGeneratorsChanged(Set<String> modelIds) {
}
