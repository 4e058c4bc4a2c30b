package io.pinxit.storage.quarkus;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where a service's object store is: an S3 endpoint (MinIO in clusters, S3Proxy locally) and its bucket. */
@ConfigMapping(prefix = "pinxit.storage")
public interface ObjectStoreConfig {

    String endpoint();

    String accessKey();

    String secretKey();

    @WithDefault("pinxit-artworks")
    String bucket();

    @WithDefault("us-east-1")
    String region();
}
