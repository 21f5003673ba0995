package dev.telephony.testkit.contract;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/**
 * {@link LogCapture} on Logback; loaded only when Logback is the backend. The appender is attached to
 * the watched loggers alone (not the root), is unsynchronized, and formats each event before it touches
 * shared state, so a message whose arguments take locks of their own (Jetty's {@code toString()}) can
 * never deadlock against it.
 */
final class LogbackCapture extends UnsynchronizedAppenderBase<ILoggingEvent> {
    /** Captured at DEBUG: the library's loggers, and the HTTP clients that could see headers. */
    private static final List<String> WATCHED = List.of("dev.telephony", "org.apache.hc.client5.http", "com.azure");
    /** Not ours, and chatty at DEBUG under Logback's default configuration: kept at INFO while capturing. */
    private static final List<String> QUIETED = List.of("org.eclipse.jetty", "wiremock", "org.wiremock", "com.github.tomakehurst");

    private final Queue<String> lines = new ConcurrentLinkedQueue<>();
    private final Map<Logger, Level> levels = new LinkedHashMap<>();
    private final Map<Logger, Boolean> additivity = new LinkedHashMap<>();
    private final List<Logger> attached = new ArrayList<>();

    static boolean isActive() {
        return LoggerFactory.getILoggerFactory() instanceof LoggerContext;
    }

    static LogbackCapture begin() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LogbackCapture capture = new LogbackCapture();
        capture.setContext(context);
        capture.setName("telephony-contract-capture");
        capture.start();
        for (String name : WATCHED) {
            Logger logger = context.getLogger(name);
            capture.levels.put(logger, logger.getLevel());
            capture.additivity.put(logger, logger.isAdditive());
            logger.setLevel(Level.DEBUG);
            // the console would print every DEBUG line of the watched loggers: they reach only the capture meanwhile
            logger.setAdditive(false);
            logger.addAppender(capture);
            capture.attached.add(logger);
        }
        for (String name : QUIETED) {
            Logger logger = context.getLogger(name);
            if (logger.getEffectiveLevel().isGreaterOrEqual(Level.INFO)) {
                continue;
            }
            capture.levels.put(logger, logger.getLevel());
            logger.setLevel(Level.INFO);
        }
        return capture;
    }

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        lines.add(line.toString());
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    void finish() {
        for (Logger logger : attached) {
            logger.detachAppender(this);
        }
        additivity.forEach(Logger::setAdditive);
        levels.forEach(Logger::setLevel);
        stop();
    }
}
