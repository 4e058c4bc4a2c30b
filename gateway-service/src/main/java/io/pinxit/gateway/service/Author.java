package io.pinxit.gateway.service;

import java.util.UUID;

/** The account that submits a job or saves a style: the author of what it makes. */
public record Author(UUID id, String name) {
}
