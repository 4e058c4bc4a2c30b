package io.pinxit.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class ComputeDevicesTest {

    @Test
    void autoTakesEveryGpuTheMachineHasOrTheCpuWhenItHasNone() {
        assertThat(ComputeDevices.select("auto", 0)).containsExactly(Device.cpu());
        assertThat(ComputeDevices.select(" AUTO ", 2)).containsExactly(Device.gpu(0), Device.gpu(1));
    }

    @Test
    void aListNamesDevicesInItsOwnOrder() {
        assertThat(ComputeDevices.select("cpu", 4)).containsExactly(Device.cpu());
        assertThat(ComputeDevices.select("gpu:1, gpu:0", 2)).containsExactly(Device.gpu(1), Device.gpu(0));
        assertThat(ComputeDevices.select("gpu:0,cpu", 1)).containsExactly(Device.gpu(0), Device.cpu());
    }

    @Test
    void aListThatCannotBeServedIsRefusedWithTheReason() {
        assertThatThrownBy(() -> ComputeDevices.select("gpu:2", 2)).hasMessageContaining("has 2 GPU(s)");
        assertThatThrownBy(() -> ComputeDevices.select("gpu:0,gpu:0", 1)).hasMessageContaining("named twice");
        assertThatThrownBy(() -> ComputeDevices.select("gpu:one", 1)).hasMessageContaining("a GPU is gpu:N");
        assertThatThrownBy(() -> ComputeDevices.select("gpu:-1", 1)).hasMessageContaining("a GPU is gpu:N");
        assertThatThrownBy(() -> ComputeDevices.select("tpu:0", 1)).hasMessageContaining("not a device list");
        assertThatThrownBy(() -> ComputeDevices.select("", 1)).hasMessageContaining("not a device list");
    }
}
