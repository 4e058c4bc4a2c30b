package io.pinxit.gallery.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "pinxit.storage")
public interface StorageConfig {

    String endpoint();

    String accessKey();

    String secretKey();

    @WithDefault("pinxit-artworks")
    String bucket();

    @WithDefault("us-east-1")
    String region();
}
