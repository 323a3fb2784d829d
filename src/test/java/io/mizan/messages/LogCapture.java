package io.mizan.messages;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What a logger (and the loggers below it) writes while open, for tests that check a log line.
 *
 * <pre>{@code
 * try (LogCapture log = LogCapture.of("io.mizan")) {
 *     ...
 *     assertTrue(log.messages().stream().anyMatch(m -> m.startsWith("MIZAN-145")));
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private LogCapture(String name) {
        logger = Logger.getLogger(name);
        logger.addHandler(handler);
    }

    /** Starts capturing what the logger of this name writes. */
    public static LogCapture of(String loggerName) {
        return new LogCapture(loggerName);
    }

    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** The messages as logged (unformatted), in order. */
    public List<String> messages() {
        return records.stream().map(LogRecord::getMessage).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
