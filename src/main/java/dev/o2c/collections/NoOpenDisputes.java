package dev.o2c.collections;

import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Disputes are not recorded yet: every customer has none. Replaced once the disputes capability counts them. */
@Component
class NoOpenDisputes implements OpenDisputes {

    @Override
    public Map<Long, Integer> countsFor(Collection<Long> customerIds) {
        return Map.of();
    }
}
