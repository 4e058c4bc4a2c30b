package io.pinxit.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import io.pinxit.contracts.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;


/**
 * Pictures and other blobs in one bucket of an S3-compatible store, addressed by the SHA-256 of their bytes, so a
 * key names its content and writing the same bytes again changes nothing.
 */
public final class ObjectStore implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration TRANSFER_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration LONGEST_PRESIGNED_TTL = Duration.ofDays(7);
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,10}");
    private static final Set<String> MISSING_OBJECT_CODES = Set.of("NoSuchKey", "NoSuchObject");

    private final ObjectStoreSettings settings;
    private final MinioClient client;

    public ObjectStore(ObjectStoreSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        var http = new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(TRANSFER_TIMEOUT)
                .writeTimeout(TRANSFER_TIMEOUT)
                .build();
        this.client = MinioClient.builder()
                .endpoint(settings.endpoint())
                .credentials(settings.accessKey(), settings.secretKey())
                .region(settings.region())
                .httpClient(http, true)
                .build();
    }

    /**
     * Creates the bucket unless it exists. Several services call this at start-up at the same time, so losing the
     * race to create it counts as success.
     */
    public void ensureBucket() {
        call("create the bucket", () -> {
            if (bucketExists()) {
                return null;
            }
            try {
                client.makeBucket(MakeBucketArgs.builder().bucket(settings.bucket()).build());
            } catch (ErrorResponseException e) {
                if (!createdMeanwhile(e.errorResponse().code())) {
                    throw e;
                }
            }
            return null;
        });
    }

    /**
     * Asks the server whether the bucket is there: what a readiness check needs to know.
     *
     * @throws ObjectStoreException when the server does not answer, or the bucket is missing
     */
    public void checkBucket() {
        call("find the bucket", () -> {
            if (!bucketExists()) {
                throw new ObjectStoreException("Bucket " + settings.bucket() + " is missing at "
                        + settings.endpoint(), null);
            }
            return null;
        });
    }

    /**
     * Stores {@code bytes} under {@code sha256/<first two hex digits>/<sha256>.<extension>}.
     *
     * @param extension file name extension without the dot, lower-case letters and digits, e.g. {@code png}
     */
    public StoredObject putContentAddressed(byte[] bytes, String contentType, String extension) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(contentType, "contentType");
        if (extension == null || !EXTENSION.matcher(extension).matches()) {
            throw new IllegalArgumentException(
                    "Extension must be 1-10 lower-case letters or digits without the dot, was " + extension);
        }
        String sha256 = Sha256.hex(bytes);
        String key = "sha256/" + sha256.substring(0, 2) + "/" + sha256 + "." + extension;
        call("store " + key, () -> client.putObject(PutObjectArgs.builder()
                .bucket(settings.bucket())
                .object(key)
                .stream(new ByteArrayInputStream(bytes), bytes.length, -1)
                .contentType(contentType)
                .build()));
        return new StoredObject(key, sha256, bytes.length, contentType);
    }

    /**
     * The object's bytes, streamed; the caller closes the stream.
     *
     * @throws ObjectNotFoundException when nothing is stored under {@code key}
     */
    public InputStream open(String key) {
        return call("read " + key, () -> client.getObject(GetObjectArgs.builder()
                .bucket(settings.bucket())
                .object(key)
                .build()));
    }

    /**
     * The object's bytes, whole.
     *
     * @throws ObjectNotFoundException when nothing is stored under {@code key}
     */
    public byte[] read(String key) {
        try (InputStream object = open(key)) {
            return object.readAllBytes();
        } catch (IOException e) {
            throw new ObjectStoreUnavailableException("Could not read " + key + " in bucket " + settings.bucket()
                    + " at " + settings.endpoint(), e);
        }
    }

    /**
     * The object's bytes, whole, checked against the SHA-256 recorded for them.
     *
     * @throws ObjectNotFoundException when nothing is stored under {@code key}
     * @throws ObjectStoreException when the stored bytes are not the recorded ones
     */
    public byte[] readVerified(String key, String sha256) {
        byte[] bytes = read(key);
        if (!Sha256.hex(bytes).equals(sha256)) {
            throw new ObjectStoreException("The object stored at " + key + " is not the one recorded (SHA-256 "
                    + sha256 + ")", null);
        }
        return bytes;
    }

    public boolean exists(String key) {
        return call("look up " + key, () -> {
            try {
                client.statObject(StatObjectArgs.builder().bucket(settings.bucket()).object(key).build());
                return true;
            } catch (ErrorResponseException e) {
                if (MISSING_OBJECT_CODES.contains(e.errorResponse().code())) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** Removes the object stored under {@code key}; removing one that is not there does nothing. */
    public void delete(String key) {
        call("delete " + key, () -> {
            client.removeObject(RemoveObjectArgs.builder().bucket(settings.bucket()).object(key).build());
            return null;
        });
    }

    /**
     * A URL anyone can GET the object with until {@code ttl} has passed. It is signed for the endpoint's host as
     * configured, so it only works when fetched through that same host name.
     */
    public String presignedGetUrl(String key, Duration ttl) {
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(LONGEST_PRESIGNED_TTL) > 0) {
            throw new IllegalArgumentException("A presigned URL lives between 1 second and 7 days, not " + ttl);
        }
        return call("sign a URL for " + key, () -> client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                .method(Method.GET)
                .bucket(settings.bucket())
                .object(key)
                .expiry((int) ttl.toSeconds())
                .build()));
    }

    /** Releases the HTTP client's threads and connections, which would otherwise keep a JVM alive for a minute. */
    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            throw new ObjectStoreException("Could not close the client of " + settings.endpoint(), e);
        }
    }

    private boolean bucketExists() throws Exception {
        return client.bucketExists(BucketExistsArgs.builder().bucket(settings.bucket()).build());
    }

    private boolean createdMeanwhile(String errorCode) throws Exception {
        return switch (errorCode) {
            case "BucketAlreadyOwnedByYou" -> true;
            // S3 proper uses this code for buckets of other accounts too: only success if we can reach it.
            case "BucketAlreadyExists" -> bucketExists();
            default -> false;
        };
    }

    private <T> T call(String action, S3Call<T> s3Call) {
        try {
            return s3Call.run();
        } catch (ErrorResponseException e) {
            String code = e.errorResponse().code();
            String message = "Could not " + action + " in bucket " + settings.bucket() + " at " + settings.endpoint()
                    + ": " + code;
            if (MISSING_OBJECT_CODES.contains(code)) {
                throw new ObjectNotFoundException(message, e);
            }
            throw new ObjectStoreException(message, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (IOException e) {
            throw new ObjectStoreUnavailableException("Could not " + action + " in bucket " + settings.bucket()
                    + " at " + settings.endpoint(), e);
        } catch (Exception e) {
            throw new ObjectStoreException("Could not " + action + " in bucket " + settings.bucket() + " at "
                    + settings.endpoint(), e);
        }
    }

    /** A MinIO client call, which declares a long list of checked exceptions. */
    @FunctionalInterface
    private interface S3Call<T> {
        T run() throws Exception;
    }
}
