package io.pinxit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobStateTest {

    @Test
    void statesOnlyMoveForward() {
        assertThat(JobState.QUEUED.canMoveTo(JobState.RUNNING)).isTrue();
        assertThat(JobState.QUEUED.canMoveTo(JobState.SUCCEEDED)).isTrue();
        assertThat(JobState.RUNNING.canMoveTo(JobState.QUEUED)).isFalse();
        assertThat(JobState.RUNNING.canMoveTo(JobState.RUNNING)).isFalse();
    }

    @Test
    void terminalStatesNeverMove() {
        assertThat(JobState.SUCCEEDED.canMoveTo(JobState.FAILED)).isFalse();
        assertThat(JobState.FAILED.canMoveTo(JobState.SUCCEEDED)).isFalse();
        assertThat(JobState.SUCCEEDED.isTerminal()).isTrue();
        assertThat(JobState.RUNNING.isTerminal()).isFalse();
    }

    @Test
    void aQueuedOrRunningJobCanBeCancelledAndACancelledOneStaysCancelled() {
        assertThat(JobState.QUEUED.canMoveTo(JobState.CANCELLED)).isTrue();
        assertThat(JobState.RUNNING.canMoveTo(JobState.CANCELLED)).isTrue();
        assertThat(JobState.CANCELLED.isTerminal()).isTrue();
        assertThat(JobState.CANCELLED.canMoveTo(JobState.SUCCEEDED)).isFalse();
        assertThat(JobState.SUCCEEDED.canMoveTo(JobState.CANCELLED)).isFalse();
    }
}
