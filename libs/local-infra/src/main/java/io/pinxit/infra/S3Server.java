package io.pinxit.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jboss.logging.Logger;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.reference.FilesystemConstants;

/**
 * An S3-compatible server (S3Proxy) on 127.0.0.1: files under a folder when persistent, memory when ephemeral.
 * Services talk to it with the same MinIO client they use against MinIO in Kubernetes.
 */
public final class S3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "pinxit";
    public static final String SECRET_KEY = "pinxit-secret";

    private static final Logger LOG = Logger.getLogger(S3Server.class);
    private static final String STARTED = "STARTED";

    private volatile S3Proxy proxy;
    private final BlobStoreContext blobStore;

    private S3Server(S3Proxy proxy, BlobStoreContext blobStore) {
        this.proxy = proxy;
        this.blobStore = blobStore;
    }

    /**
     * Starts S3Proxy and returns once it accepts requests.
     *
     * @param directory holds the buckets of a persistent server; an ephemeral one keeps them in memory
     */
    public static S3Server start(Path directory, int requestedPort, boolean persistent) {
        long startedAt = System.nanoTime();
        BlobStoreContext blobStore = persistent ? filesystemStore(directory) : memoryStore();
        // Port 0 lets Jetty bind a free port itself; S3Proxy reports the one it got.
        var proxy = proxy(blobStore, requestedPort);
        var server = new S3Server(proxy, blobStore);
        try {
            proxy.start();
        } catch (Exception e) {
            server.close();
            throw new InfrastructureException("Could not start S3Proxy on port " + requestedPort, e);
        }
        if (!STARTED.equals(proxy.getState())) {
            server.close();
            throw new InfrastructureException("S3Proxy is " + proxy.getState() + " instead of " + STARTED);
        }
        LOG.infof("S3Proxy ready on %s in %d ms", server.endpoint(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        return server;
    }

    /** Base URL for S3 clients. Presigned URLs sign the host, so clients must use this exact form. */
    public String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return proxy.getPort();
    }

    public String accessKey() {
        return ACCESS_KEY;
    }

    public String secretKey() {
        return SECRET_KEY;
    }

    /** Stops answering (connections are refused) and keeps the buckets; for fault-injection tests. */
    public void stopServing() {
        int port = port();
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new InfrastructureException("Could not stop S3Proxy on port " + port, e);
        }
        proxy = proxy(blobStore, port);
    }

    /** Answers again, on the same port, after {@link #stopServing}. */
    public void serveAgain() {
        try {
            proxy.start();
        } catch (Exception e) {
            throw new InfrastructureException("Could not start S3Proxy again", e);
        }
    }

    private static S3Proxy proxy(BlobStoreContext blobStore, int port) {
        return S3Proxy.builder()
                .blobStore(blobStore.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            LOG.warnf(e, "Could not stop S3Proxy on port %d", port());
        } finally {
            blobStore.close();
        }
    }

    private static BlobStoreContext filesystemStore(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + directory, e);
        }
        var overrides = new Properties();
        overrides.setProperty(FilesystemConstants.PROPERTY_BASEDIR, directory.toString());
        return ContextBuilder.newBuilder("filesystem-nio2")
                .credentials(ACCESS_KEY, SECRET_KEY)
                .overrides(overrides)
                .build(BlobStoreContext.class);
    }

    private static BlobStoreContext memoryStore() {
        return ContextBuilder.newBuilder("transient-nio2")
                .credentials(ACCESS_KEY, SECRET_KEY)
                .build(BlobStoreContext.class);
    }
}
