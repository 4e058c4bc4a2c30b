package io.pinxit.gateway.security;

/** What an account may do beyond its own jobs: admins also manage accounts (and, later, register models). */
public enum Role {
    USER,
    ADMIN
}
