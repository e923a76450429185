package dev.aigw.query.store;

import java.util.List;
import java.util.Optional;

/** The values seen for the filter menus. */
public interface FilterValueReads {
    /** The values of a kind, sorted, seen in anyone's interceptions or only in one person's. */
    List<String> distinct(FilterValues.Kind kind, Optional<String> initiator);
}
