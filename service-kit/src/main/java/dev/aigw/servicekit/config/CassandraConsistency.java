package dev.aigw.servicekit.config;

/**
 * The Cassandra consistency levels a service may ask for its reads or writes, spelled as the driver's
 * {@code basic.request.consistency} spells them. The serial levels are left out: they apply to lightweight transactions
 * only, which the audit store does not use; {@code ANY} is left out because a read cannot use it and a write acknowledged
 * only by a hint may be lost with its coordinator.
 */
public enum CassandraConsistency {
    /** One replica anywhere. */
    ONE,
    /** Two replicas anywhere. */
    TWO,
    /** Three replicas anywhere. */
    THREE,
    /** A majority of all replicas, across data centers. */
    QUORUM,
    /** Every replica. */
    ALL,
    /** One replica in the local data center: the driver's default, right for a single node. */
    LOCAL_ONE,
    /** A majority of the local data center's replicas: the choice for a cluster. */
    LOCAL_QUORUM,
    /** A majority in every data center. */
    EACH_QUORUM
}
