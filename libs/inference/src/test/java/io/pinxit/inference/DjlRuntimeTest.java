package io.pinxit.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class DjlRuntimeTest {

    @Test
    void theRuntimeIsOfflineWithoutTracking() {
        DjlRuntime.configure();

        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertEquals("true", System.getProperty("OPT_OUT_TRACKING"));
    }

    @Test
    void theRuntimeReportsTheEngineAndDeviceForProvenance() {
        DjlRuntime.RuntimeInfo info = DjlRuntime.info();

        assertEquals("PyTorch", info.engine());
        assertFalse(info.engineVersion().isBlank());
        assertEquals(DjlRuntime.device().toString(), info.device());
    }
}
