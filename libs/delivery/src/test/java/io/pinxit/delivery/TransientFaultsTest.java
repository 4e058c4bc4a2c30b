package io.pinxit.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.errors.ErrorResponseException;
import io.minio.errors.ServerException;
import io.minio.messages.ErrorResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class TransientFaultsTest {

    @Test
    void aRefusedOrResetConnectionIsTransientHoweverDeepItIsWrapped() {
        var refused = new IllegalStateException("Could not insert job",
                new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                        new ConnectException("Connection refused")));
        assertThat(TransientFaults.isTransient(refused)).isTrue();
        assertThat(TransientFaults.isTransient(new UncheckedIOException(new SocketException("Connection reset"))))
                .isTrue();
    }

    @Test
    void timeoutsAreTransient() {
        var poolExhausted = new SQLException("Acquisition timeout while waiting for new connection",
                new TimeoutException());
        assertThat(TransientFaults.isTransient(new IllegalStateException(poolExhausted))).isTrue();
        assertThat(TransientFaults.isTransient(new org.apache.kafka.common.errors.TimeoutException("expired")))
                .isTrue();
        assertThat(TransientFaults.isTransient(new io.smallrye.mutiny.TimeoutException())).isTrue();
    }

    @Test
    void databaseFaultsAreTransientWhenTheirSqlStateSaysSo() {
        assertThat(TransientFaults.isTransient(new SQLException("serialization", "40001"))).isTrue();
        assertThat(TransientFaults.isTransient(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(TransientFaults.isTransient(new SQLException("shutting down", "57P01"))).isTrue();
        assertThat(TransientFaults.isTransient(new SQLException("connection failure", "08006"))).isTrue();
        assertThat(TransientFaults.isTransient(new SQLException("unique violation", "23505"))).isFalse();
        assertThat(TransientFaults.isTransient(new SQLException("syntax", "42601"))).isFalse();
        assertThat(TransientFaults.isTransient(new SQLException("no state"))).isFalse();
    }

    @Test
    void kafkaRetriableErrorsAreTransientAndTheOthersAreNot() {
        assertThat(TransientFaults.isTransient(new NotEnoughReplicasException("1 of 3"))).isTrue();
        assertThat(TransientFaults.isTransient(new RecordTooLargeException("too large"))).isFalse();
        assertThat(TransientFaults.isTransient(new SerializationException("bad bytes"))).isFalse();
    }

    @Test
    void s3ServerErrorsAndThrottlingAreTransientButAMissingObjectIsNot() {
        assertThat(TransientFaults.isTransient(new ServerException("bad gateway", 502, "trace"))).isTrue();
        assertThat(TransientFaults.isTransient(new RuntimeException(s3Error("SlowDown")))).isTrue();
        assertThat(TransientFaults.isTransient(new RuntimeException(s3Error("ServiceUnavailable")))).isTrue();
        assertThat(TransientFaults.isTransient(new RuntimeException(s3Error("NoSuchKey")))).isFalse();
        assertThat(TransientFaults.isTransient(new RuntimeException(s3Error("AccessDenied")))).isFalse();
    }

    @Test
    void aFaultItsThrowerMarkedAsAPassingOutageIsTransient() {
        class CutMidResponse extends RuntimeException implements PassingOutage {
            CutMidResponse() {
                super("unexpected end of stream", new IOException("unexpected end of stream"));
            }
        }
        assertThat(TransientFaults.isTransient(new IllegalStateException(new CutMidResponse()))).isTrue();
    }

    @Test
    void badInputAndBugsAreNotTransient() {
        assertThat(TransientFaults.isTransient(new IllegalArgumentException("count must be at most 16"))).isFalse();
        assertThat(TransientFaults.isTransient(new UncheckedIOException(new IOException("not a PNG")))).isFalse();
        assertThat(TransientFaults.isTransient(new NullPointerException())).isFalse();
    }

    @Test
    void aCycleOfCausesEnds() {
        var first = new RuntimeException("first");
        var second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(TransientFaults.isTransient(first)).isFalse();
    }

    private static ErrorResponseException s3Error(String code) {
        var response = new Response.Builder().request(new Request.Builder().url("http://s3.test/bucket/key").build())
                .protocol(Protocol.HTTP_1_1).code(503).message(code).build();
        return new ErrorResponseException(new ErrorResponse(code, code, "bucket", "key", "/bucket/key", "req", "host"),
                response, "trace");
    }
}
