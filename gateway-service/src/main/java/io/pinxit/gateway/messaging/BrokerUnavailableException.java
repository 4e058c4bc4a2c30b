package io.pinxit.gateway.messaging;

/** Kafka did not acknowledge a command in time. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(Throwable cause) {
        super("Kafka did not acknowledge the command", cause);
    }
}
