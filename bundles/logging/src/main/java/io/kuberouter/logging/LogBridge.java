package io.kuberouter.logging;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards OSGi log entries of level WARN, ERROR and AUDIT to slf4j, one line each, naming the bundle.
 * Without it, a component that SCR fails to activate is visible only in SCR's runtime DTOs: the
 * OSGi log service keeps entries in memory and nobody prints them.
 */
@Component(service = {})
public class LogBridge implements LogListener {

    private static final Logger LOG = LoggerFactory.getLogger("osgi");

    private final LogReaderService reader;

    @Activate
    public LogBridge(@Reference LogReaderService reader) {
        this.reader = reader;
        reader.addLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        if (LogLevel.WARN.implies(entry.getLogLevel())) {
            forward(entry);
        }
    }

    private static void forward(LogEntry entry) {
        String source = entry.getBundle() == null ? "framework" : entry.getBundle().getSymbolicName();
        String line = "[" + source + "] " + entry.getMessage();
        switch (entry.getLogLevel()) {
            case AUDIT -> LOG.info(line, entry.getException());
            case WARN -> LOG.warn(line, entry.getException());
            default -> LOG.error(line, entry.getException());
        }
    }

    @Deactivate
    void deactivate() {
        reader.removeLogListener(this);
    }
}
