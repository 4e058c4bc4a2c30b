package io.pinxit.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinxit.contracts.ComputePlatform;
import org.junit.jupiter.api.Test;

class DjlRuntimeTest {

    @Test
    void theRuntimeIsOfflineWithoutTracking() {
        DjlRuntime.configure();

        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(System.getProperty("OPT_OUT_TRACKING")).isEqualTo("true");
    }

    @Test
    void thePlatformNamesTheDeviceProcessorKernelsThreadsAndLibrariesForProvenance() {
        ComputePlatform platform = DjlRuntime.platform();
        Processor processor = Processor.current();

        assertThat(platform.device()).isEqualTo(DjlRuntime.device().toString());
        assertThat(platform.processor()).isEqualTo(processor.model());
        assertThat(platform.kernels()).isEqualTo(KernelFamily.describe(System.getenv(), processor.flags()));
        assertThat(platform.threads()).isPositive();
        assertThat(platform.libraries()).matches("PyTorch \\d+\\.\\d+\\.\\d+ via DJL \\d+\\.\\d+\\.\\d+");
    }
}
