package io.pinxit.gallery.rest;

import io.pinxit.catalog.ArtworkCatalog;
import io.pinxit.catalog.LogVerification;
import io.quarkus.cache.CacheResult;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Verification")
@Path("/api/v1/provenance-log")
@Produces(MediaType.APPLICATION_JSON)
public class ProvenanceLogResource {

    private final ArtworkCatalog catalog;

    ProvenanceLogResource(ArtworkCatalog catalog) {
        this.catalog = catalog;
    }

    @Operation(operationId = "verifyProvenanceLog", summary = "Verify the provenance log",
            description = "Walks the whole hash-chained provenance log and says whether history holds, or where it "
                + "was first rewritten. Its cost grows with the catalog, and anyone may ask: one walk "
                + "answers every request for "
                + "`quarkus.cache.caffeine.provenance-log-verification.expire-after-write` (60 s).")
    @GET
    @Path("verification")
    @CacheResult(cacheName = "provenance-log-verification")
    public LogVerification verify() {
        return catalog.log().verify();
    }
}
