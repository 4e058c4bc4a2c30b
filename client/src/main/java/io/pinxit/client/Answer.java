package io.pinxit.client;

/** What an API answered: the value read from it, and the JSON itself, for callers that pass it on whole. */
public record Answer<T>(T value, String json) {
}
