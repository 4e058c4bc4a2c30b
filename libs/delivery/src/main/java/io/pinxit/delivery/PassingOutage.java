package io.pinxit.delivery;

/**
 * Marks an exception that its thrower knows to be a passing outage, where only it can tell: the object store's
 * client, for instance, reports a connection cut mid-response as a bare {@code IOException}.
 */
public interface PassingOutage {
}
