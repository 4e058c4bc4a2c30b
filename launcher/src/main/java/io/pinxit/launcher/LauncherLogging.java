package io.pinxit.launcher;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.FileHandler;

/**
 * The launcher's terminal shows only its own lines; everything the in-process servers log goes to a file.
 */
final class LauncherLogging {

    static final String LOG_MANAGER = "org.jboss.logmanager.LogManager";

    private LauncherLogging() {
    }

    /** Must run before anything touches java.util.logging, so Kafka, S3Proxy and PostgreSQL all log to one place. */
    static void installLogManager() {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", LOG_MANAGER);
        }
    }

    static void writeTo(Path logFile) {
        FileHandler file;
        try {
            Files.createDirectories(logFile.getParent());
            file = new FileHandler(logFile.toString(), true);
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("Could not open " + logFile, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + logFile.getParent(), e);
        }
        file.setFormatter(new PatternFormatter("%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c] (%t) %s%e%n"));
        file.setAutoFlush(true);
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.addHandler(file);
        root.setLevel(Level.INFO);
    }
}
