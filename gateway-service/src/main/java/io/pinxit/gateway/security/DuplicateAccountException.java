package io.pinxit.gateway.security;

/** An account name (or a key secret) exists already. */
public class DuplicateAccountException extends RuntimeException {

    public DuplicateAccountException(Throwable cause) {
        super("An account with this name exists already", cause);
    }
}
