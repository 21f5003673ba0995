package dev.telephony.testkit.contract;

import java.util.List;
import java.util.Optional;

/**
 * Records the library's log lines while the contract runs (its own loggers at DEBUG, and the HTTP
 * clients that could see headers), so that the contract can search them for secrets.
 *
 * <p>Capture works when the consumer's logging backend is Logback, and needs no logging configuration:
 * only the watched loggers are captured, they stop reaching the console meanwhile, and no lock is held
 * while a message is formatted. The testkit does not bring Logback along; on any other backend (Log4j2,
 * say) {@link #begin()} answers empty and the contract checks exception messages and {@code toString()}
 * only.
 */
public final class LogCapture {
    private static final boolean LOGBACK = isPresent("ch.qos.logback.classic.LoggerContext");

    private final LogbackCapture backend;

    private LogCapture(LogbackCapture backend) {
        this.backend = backend;
    }

    /** Whether log lines can be captured here: the SLF4J backend is Logback. */
    public static boolean available() {
        return LOGBACK && LogbackCapture.isActive();
    }

    /** Starts capturing; empty when the logging backend is not Logback. */
    public static Optional<LogCapture> begin() {
        return available() ? Optional.of(new LogCapture(LogbackCapture.begin())) : Optional.empty();
    }

    /** Every line captured so far. */
    public List<String> lines() {
        return backend.lines();
    }

    /** Stops capturing and restores the log levels and appenders. */
    public void finish() {
        backend.finish();
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, LogCapture.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
