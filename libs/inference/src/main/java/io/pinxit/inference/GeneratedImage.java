package io.pinxit.inference;

/** One picture made by an {@link ImageGenerator}: its position in the request and its PNG bytes. */
public record GeneratedImage(int index, byte[] png, int width, int height) {}
