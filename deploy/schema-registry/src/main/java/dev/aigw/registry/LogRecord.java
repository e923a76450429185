package dev.aigw.registry;

import static java.util.Objects.requireNonNull;

/** One fact in the schemas topic; every instance replays them in topic order to build the same state. */
sealed interface LogRecord permits SchemaVersion, LogRecord.GlobalConfig, LogRecord.SubjectConfig {
    /** The global compatibility level was set; the latest such record wins. */
    record GlobalConfig(Compatibility compatibility) implements LogRecord {
        public GlobalConfig {
            requireNonNull(compatibility, "compatibility");
        }
    }

    /** A subject's compatibility level was set; the latest such record for the subject wins. */
    record SubjectConfig(String subject, Compatibility compatibility) implements LogRecord {
        public SubjectConfig {
            requireNonNull(subject, "subject");
            requireNonNull(compatibility, "compatibility");
        }
    }
}
