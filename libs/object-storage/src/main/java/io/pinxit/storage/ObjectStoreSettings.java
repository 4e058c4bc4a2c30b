package io.pinxit.storage;

import java.util.Objects;

/**
 * Where pictures are stored: an S3-compatible endpoint (MinIO in Kubernetes, S3Proxy locally), its credentials and
 * the bucket.
 *
 * @param endpoint base URL, e.g. {@code http://127.0.0.1:19000}; presigned URLs are signed for exactly this host
 * @param region   defaults to {@value #DEFAULT_REGION} when null or blank
 */
public record ObjectStoreSettings(String endpoint, String accessKey, String secretKey, String bucket, String region) {

    public static final String DEFAULT_REGION = "us-east-1";

    public ObjectStoreSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(bucket, "bucket");
        region = region == null || region.isBlank() ? DEFAULT_REGION : region;
    }

    public ObjectStoreSettings(String endpoint, String accessKey, String secretKey, String bucket) {
        this(endpoint, accessKey, secretKey, bucket, DEFAULT_REGION);
    }

    /** Leaves the secret key out, so settings can be logged. */
    @Override
    public String toString() {
        return "ObjectStoreSettings[endpoint=" + endpoint + ", accessKey=" + accessKey + ", bucket=" + bucket
                + ", region=" + region + "]";
    }
}
