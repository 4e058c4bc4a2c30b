package io.pinxit.jobevents;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import javax.imageio.ImageIO;

/**
 * Makes ImageIO decode streams in memory. By default it caches each stream in a temporary file and closes every such
 * cache from a JVM shutdown hook of its own, which broke a picture being read by a job in hand when the worker got
 * SIGTERM (and failed the job); the pictures a worker reads are in memory already.
 */
@ApplicationScoped
class InMemoryImageDecoding {

    void onStart(@Observes StartupEvent startup) {
        ImageIO.setUseCache(false);
    }
}
