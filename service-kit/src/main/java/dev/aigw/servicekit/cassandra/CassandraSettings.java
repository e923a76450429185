package dev.aigw.servicekit.cassandra;

import dev.aigw.servicekit.config.Settings;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Where a service finds the audit store, with the one default of each setting: the dev stack's single node.
 *
 * @param contactPoints {@code host:port} list ({@code CASSANDRA_CONTACT_POINTS})
 * @param localDc       the driver's local data center ({@code CASSANDRA_LOCAL_DC})
 * @param keyspace      the audit keyspace ({@code CASSANDRA_KEYSPACE})
 */
public record CassandraSettings(List<InetSocketAddress> contactPoints, String localDc, String keyspace) {
    /** Default of {@code CASSANDRA_CONTACT_POINTS}. */
    public static final List<InetSocketAddress> DEFAULT_CONTACT_POINTS =
            List.of(InetSocketAddress.createUnresolved("127.0.0.1", 9042));
    /** Default of {@code CASSANDRA_LOCAL_DC}: the name a fresh Cassandra node gives its data center. */
    public static final String DEFAULT_LOCAL_DC = "datacenter1";
    /** Default of {@code CASSANDRA_KEYSPACE}. */
    public static final String DEFAULT_KEYSPACE = "aigw";

    /** Copies the list. */
    public CassandraSettings {
        contactPoints = List.copyOf(contactPoints);
    }

    /** Reads the three settings; a malformed contact point list is added to {@code problems}. */
    public static CassandraSettings from(Settings s, List<String> problems) {
        return new CassandraSettings(s.addresses("CASSANDRA_CONTACT_POINTS", DEFAULT_CONTACT_POINTS, problems),
                s.get("CASSANDRA_LOCAL_DC", DEFAULT_LOCAL_DC), s.get("CASSANDRA_KEYSPACE", DEFAULT_KEYSPACE));
    }
}
