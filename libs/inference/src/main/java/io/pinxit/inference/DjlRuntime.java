package io.pinxit.inference;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import io.pinxit.contracts.ComputePlatform;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The single place that prepares DJL: offline, no usage tracking, native libraries cached inside the
 * build folder. Every entry point calls {@link #configure()} before the first {@link Engine} use;
 * launch scripts set the same properties, this is the safety net for when they forget.
 */
public final class DjlRuntime {

    static final String DEFAULT_CACHE_DIR = "target/djl-cache";
    static final String PYTORCH_ENGINE = "PyTorch";
    static final String ONNX_RUNTIME_ENGINE = "OnnxRuntime";
    private static final Processor PROCESSOR = Processor.current();
    private static final Map<String, ComputePlatform> PLATFORMS = new ConcurrentHashMap<>();

    private DjlRuntime() {}

    /**
     * Unpacks PyTorch's native libraries into DJL's cache ({@code DJL_CACHE_DIR}) and exits. A container image build
     * runs it, so that a new worker loads them from the image instead of unpacking 430 MB first (docs/benchmarks.md,
     * "Cold starts").
     */
    public static void main(String[] arguments) {
        configure();
        Engine engine = Engine.getEngine(PYTORCH_ENGINE);
        System.out.printf("%s %s native libraries are in %s%n", engine.getEngineName(), engine.getVersion(),
                System.getProperty("DJL_CACHE_DIR", System.getenv("DJL_CACHE_DIR")));
    }

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

    /** What provenance records about the platform that made a picture with the default engine on its default device. */
    public static ComputePlatform platform() {
        configure();
        Engine engine = Engine.getInstance();
        return platformOf(engine, engine.defaultDevice());
    }

    /**
     * The platform that ran the model a card describes on {@code device}: ONNX models run on OnnxRuntime's CPU build
     * whatever the device, all others on PyTorch on that device.
     */
    public static ComputePlatform platform(ModelCard card, Device device) {
        configure();
        if (ExportedImageGenerator.ONNX_FORMAT.equals(card.format())) {
            Engine onnx = Engine.getEngine(ONNX_RUNTIME_ENGINE);
            return platformOf(onnx, onnx.defaultDevice());
        }
        return platformOf(Engine.getInstance(), device);
    }

    /**
     * Worked out once per engine and device: it reads files (DJL's version, /proc/cpuinfo) and recording asks for every
     * picture.
     */
    private static ComputePlatform platformOf(Engine engine, Device device) {
        return PLATFORMS.computeIfAbsent(engine.getEngineName() + " " + device, key -> describe(engine, device));
    }

    private static ComputePlatform describe(Engine engine, Device device) {
        String kernels = device.isGpu() ? "cuda" : KernelFamily.describe(System.getenv(), PROCESSOR.flags());
        int threads = PYTORCH_ENGINE.equals(engine.getEngineName()) ? JniUtils.getNumThreads() : 0;
        return new ComputePlatform(device.toString(), PROCESSOR.model(), kernels, threads,
                engine.getEngineName() + " " + engine.getVersion() + " via DJL " + Engine.getDjlVersion());
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
}
