package io.pinxit.client.cli;

/** What the CLI's exit status means, for scripts. */
final class ExitCodes {

    /** Done: the job succeeded, the picture is trusted. */
    static final int OK = 0;
    /** Done, with a negative answer: the job failed or was cancelled, the picture is not trusted. */
    static final int NOT_SO = 1;
    /** The command line is wrong (picocli's own usage code). */
    static final int USAGE = 2;
    /** The API refused the request; the problem is printed. */
    static final int REFUSED = 3;
    /** Nothing answers at the service's address. */
    static final int UNREACHABLE = 4;

    private ExitCodes() {
    }
}
