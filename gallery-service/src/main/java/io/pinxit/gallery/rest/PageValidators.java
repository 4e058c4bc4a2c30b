package io.pinxit.gallery.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Listing pages with a validator: a checksum of the page as rendered, so that a client or cache that holds this very
 * page is answered 304 without it, and any change to the page (a new artwork, one hidden, another viewer's own work)
 * is a new tag. The page is still read and rendered; what is saved is sending it. Two 32-bit CRCs (both computed by
 * the processor's own instructions) rather than a cryptographic hash: a SHA-256 of every page cost the JSON list a
 * tenth of its throughput (docs/benchmarks.md), and a validator needs no resistance to forgery, only to chance.
 */
public final class PageValidators {

    private PageValidators() {
    }

    /** A random value of this process, in the tags of pages whose rendering a new release may change. */
    private static final String PROCESS = HexFormat.of().toHexDigits(new SecureRandom().nextLong());

    /** 200 with the page and its (weak) tag, or 304 if the request's If-None-Match names the tag. */
    public static Response.ResponseBuilder validated(Request request, byte[] page, String mediaType) {
        EntityTag tag = new EntityTag(checksum(page), true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        return notModified != null ? notModified.tag(tag) : Response.ok(page, mediaType).tag(tag);
    }

    /**
     * For a page rendered from {@code facts} alone (and this process's templates), without rendering it: 304 if the
     * request's If-None-Match names the facts' (weak) tag, else empty, and {@link #tagOf} is the tag to send with the
     * page. A process's tags are its own, so a new release's pages never match an old one's.
     */
    public static Optional<Response> notModified(Request request, String facts) {
        return Optional.ofNullable(request.evaluatePreconditions(tagOf(facts))).map(answer -> answer.tag(tagOf(facts))
                .build());
    }

    public static EntityTag tagOf(String facts) {
        return new EntityTag(PROCESS + checksum((PROCESS + facts).getBytes(StandardCharsets.UTF_8)), true);
    }

    private static String checksum(byte[] page) {
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(page);
        CRC32 ieee = new CRC32();
        ieee.update(page);
        return HexFormat.of().toHexDigits((castagnoli.getValue() << 32) | ieee.getValue());
    }
}
