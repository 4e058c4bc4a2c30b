package io.pinxit.style.service;

import java.util.UUID;

/** A job names a saved style that the style library does not hold. */
public class StyleNotFoundException extends RuntimeException {

    public StyleNotFoundException(UUID styleId) {
        super("There is no style " + styleId + " in the style library");
    }
}
