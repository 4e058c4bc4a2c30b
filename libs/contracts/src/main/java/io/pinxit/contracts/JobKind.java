package io.pinxit.contracts;

/** What a job asks for; each kind has its own command topic and worker. */
public enum JobKind {
    GENERATION,
    STYLE_TRANSFER
}
