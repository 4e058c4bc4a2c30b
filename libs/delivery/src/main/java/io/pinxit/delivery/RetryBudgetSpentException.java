package io.pinxit.delivery;

/** A transient fault that outlasted the retry budget; its cause is the last fault seen. */
public class RetryBudgetSpentException extends RuntimeException {

    private final int attempts;

    public RetryBudgetSpentException(String what, int attempts, RuntimeException lastFault) {
        super(what + " still failed after " + attempts + " attempts: " + lastFault.getMessage(), lastFault);
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}
