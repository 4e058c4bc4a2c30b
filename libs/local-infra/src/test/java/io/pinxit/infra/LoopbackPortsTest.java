package io.pinxit.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    @Test
    void noPortIsHandedOutTwiceThoughEachIsReleasedBeforeTheNextIsPicked() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            assertThat(ports.add(LoopbackPorts.pickFree())).as("pick %d", i).isTrue();
        }
    }

    /** Outgoing connections take their source ports from the ephemeral range; a server's port must not be there. */
    @Test
    void portsArePickedBelowTheRangeOfOutgoingConnectionsAndAboveTheSuitesFixedPorts() {
        int firstEphemeral = LoopbackPorts.firstEphemeralPort();
        for (int i = 0; i < 200; i++) {
            assertThat(LoopbackPorts.pickFree()).isBetween(LoopbackPorts.LOWEST, firstEphemeral - 1);
        }
    }
}
