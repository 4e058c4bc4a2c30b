package io.pinxit.inference;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Path;

/**
 * The single place that prepares DJL: offline, no usage tracking, native libraries cached inside the
 * build folder. Every entry point calls {@link #configure()} before the first {@link Engine} use;
 * launch scripts set the same properties, this is the safety net for when they forget.
 */
public final class DjlRuntime {

    static final String DEFAULT_CACHE_DIR = "target/djl-cache";
    static final String PYTORCH_ENGINE = "PyTorch";
    static final String ONNX_RUNTIME_ENGINE = "OnnxRuntime";

    private DjlRuntime() {}

    /** Sets the offline and cache properties that are not already set by the JVM's launcher. */
    public static synchronized void configure() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        String cacheDir = valueOf("DJL_CACHE_DIR", Path.of(DEFAULT_CACHE_DIR).toAbsolutePath().toString());
        setIfAbsent("DJL_CACHE_DIR", cacheDir);
        setIfAbsent("ENGINE_CACHE_DIR", cacheDir);
    }

    /** The device models run on: the engine's default, a GPU when one is present, else the CPU. */
    public static Device device() {
        configure();
        return Engine.getInstance().defaultDevice();
    }

    /** What provenance records about the runtime that made a picture: the default engine. */
    public static RuntimeInfo info() {
        configure();
        return infoOf(Engine.getInstance());
    }

    /** The runtime that runs the model a card describes: ONNX models run on OnnxRuntime, all others on PyTorch. */
    public static RuntimeInfo info(ModelCard card) {
        configure();
        return infoOf(ExportedImageGenerator.ONNX_FORMAT.equals(card.format())
                ? Engine.getEngine(ONNX_RUNTIME_ENGINE) : Engine.getInstance());
    }

    private static RuntimeInfo infoOf(Engine engine) {
        return new RuntimeInfo(engine.getEngineName(), engine.getVersion(), engine.defaultDevice().toString());
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static String valueOf(String key, String fallback) {
        String value = System.getProperty(key, System.getenv(key));
        return value == null ? fallback : value;
    }

    /** The engine and device a model runs on, e.g. PyTorch 2.7.1 on {@code cpu()}. */
    public record RuntimeInfo(String engine, String engineVersion, String device) {}
}
