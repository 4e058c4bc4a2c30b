package io.pinxit.catalog;

/** The owner already has a style of that name (names are told apart regardless of case). */
public class StyleNameTakenException extends RuntimeException {

    public StyleNameTakenException(String name, Throwable cause) {
        super("A style named '" + name + "' exists already", cause);
    }
}
