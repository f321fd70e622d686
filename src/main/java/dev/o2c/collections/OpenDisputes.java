package dev.o2c.collections;

import java.util.Collection;
import java.util.Map;

/**
 * How many disputes each customer has open: a port the worklist ranks by, implemented by the disputes capability
 * (so the worklist does not read the dispute table).
 */
public interface OpenDisputes {

    /** Open disputes per customer; a customer missing from the map has none. One query for all, never one each. */
    Map<Long, Integer> countsFor(Collection<Long> customerIds);
}
