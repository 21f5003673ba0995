package dev.telephony.testkit.contract;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Records every log line while the contract runs (the library's own at DEBUG), so that the contract
 * can search them for secrets. Works with Logback, the testkit's logging backend.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> {
    /** Loggers raised to DEBUG while capturing: the library's, and the HTTP clients that could see headers. */
    private static final List<String> WATCHED = List.of("dev.telephony", "org.apache.hc.client5.http", "com.azure");

    private final List<String> lines = new ArrayList<>();
    private final java.util.Map<Logger, Level> levels = new java.util.LinkedHashMap<>();
    private final List<ch.qos.logback.core.Appender<ILoggingEvent>> quieted = new ArrayList<>();
    private Logger root;

    /** Starts capturing; returns empty when the logging backend is not Logback. */
    public static Optional<LogCapture> begin() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return Optional.empty();
        }
        LogCapture capture = new LogCapture();
        capture.setContext(context);
        capture.setName("telephony-contract-capture");
        capture.root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (String name : WATCHED) {
            Logger logger = context.getLogger(name);
            capture.levels.put(logger, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
        // the console would print every DEBUG line of the watched loggers: park the root's appenders meanwhile
        capture.root.iteratorForAppenders().forEachRemaining(capture.quieted::add);
        capture.quieted.forEach(capture.root::detachAppender);
        capture.start();
        capture.root.addAppender(capture);
        return Optional.of(capture);
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        lines.add(line.toString());
    }

    /** Every line captured so far. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Stops capturing and restores the log levels and appenders. */
    public void finish() {
        root.detachAppender(this);
        quieted.forEach(root::addAppender);
        levels.forEach(Logger::setLevel);
        stop();
    }
}
