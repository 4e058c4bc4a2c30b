package io.pinxit.catalog;

/** The catalog could not be read or written. */
public class CatalogException extends RuntimeException {

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
