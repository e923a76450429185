package dev.aigw.query.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** One interception by id, and what happened within interceptions. */
public interface DetailReads {
    /** The interception with this id, if its start was recorded. */
    Optional<InterceptionRow> byId(UUID id);

    /** The details of each interception, by id, in the order given; thoughts only {@code withThoughts}. */
    Map<UUID, Details> of(List<UUID> ids, boolean withThoughts);
}
