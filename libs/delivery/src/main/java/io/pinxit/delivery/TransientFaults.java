package io.pinxit.delivery;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The one place that tells a passing outage (a dependency down, slow or overloaded: worth retrying) from an error
 * that retrying cannot mend (bad input, a bug). A fault is transient when it or any of its causes is:
 * <ul>
 *   <li>a network failure: connection refused or reset, no route, an unresolved host, a socket timeout;</li>
 *   <li>a timeout: {@link TimeoutException} (Agroal's pool) or Mutiny's (an await that Kafka did not answer);</li>
 *   <li>a database fault whose SQLState says so: connection (class 08), serialization failure or deadlock (40001,
 *   40P01), too many connections (53300), a server shutting down or starting (57P01–57P03);</li>
 *   <li>Kafka's {@code RetriableException} (broker or leader not available, not enough replicas...);</li>
 *   <li>an S3 server error: MinIO's {@code ServerException} (HTTP 5xx) or an error response with a 5xx or throttling
 *   code;</li>
 *   <li>any exception its thrower marked a {@link PassingOutage}.</li>
 * </ul>
 * The client libraries' types are known by name, so that classifying costs no service a dependency it lacks.
 */
public final class TransientFaults {

    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("40001", "40P01", "53300", "57P01", "57P02",
            "57P03");
    private static final Set<String> TRANSIENT_S3_CODES = Set.of("InternalError", "ServiceUnavailable", "SlowDown",
            "RequestTimeout", "RequestTimeTooSkewed");
    private static final String MUTINY_TIMEOUT = "io.smallrye.mutiny.TimeoutException";
    private static final String KAFKA_RETRIABLE = "org.apache.kafka.common.errors.RetriableException";
    private static final String MINIO_SERVER_ERROR = "io.minio.errors.ServerException";
    private static final String MINIO_ERROR_RESPONSE = "io.minio.errors.ErrorResponseException";

    private TransientFaults() {
    }

    public static boolean isTransient(Throwable fault) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = fault; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (isTransientItself(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientItself(Throwable fault) {
        return fault instanceof PassingOutage || fault instanceof ConnectException || fault instanceof SocketTimeoutException
                || fault instanceof NoRouteToHostException || fault instanceof UnknownHostException
                || fault instanceof SocketException || fault instanceof TimeoutException
                || fault instanceof SQLTransientException || fault instanceof SQLRecoverableException
                || (fault instanceof SQLException sql && isTransientSqlState(sql.getSQLState()))
                || isA(fault, MUTINY_TIMEOUT) || isA(fault, KAFKA_RETRIABLE) || isA(fault, MINIO_SERVER_ERROR)
                || (isA(fault, MINIO_ERROR_RESPONSE) && TRANSIENT_S3_CODES.contains(s3ErrorCode(fault)));
    }

    private static boolean isTransientSqlState(String state) {
        return state != null && (state.startsWith("08") || TRANSIENT_SQL_STATES.contains(state));
    }

    private static boolean isA(Throwable fault, String className) {
        for (Class<?> type = fault.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    /** MinIO's {@code ErrorResponseException.errorResponse().code()}, read reflectively for the reason above. */
    private static String s3ErrorCode(Throwable errorResponse) {
        try {
            Object response = errorResponse.getClass().getMethod("errorResponse").invoke(errorResponse);
            return (String) response.getClass().getMethod("code").invoke(response);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return null;
        }
    }
}
