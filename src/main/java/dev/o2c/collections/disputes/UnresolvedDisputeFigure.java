package dev.o2c.collections.disputes;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Comparator;

/** How many unresolved disputes of one currency, status and age there are, and the amount they hold back. */
public record UnresolvedDisputeFigure(
        String currency, DisputeStatus status, Age age, long disputes, BigDecimal amount) {

    /** Days since the dispute was opened. */
    public enum Age {
        DAYS_0_7("0-7"),
        DAYS_8_30("8-30"),
        DAYS_31_90("31-90"),
        DAYS_OVER_90("90+");

        private final String label;

        Age(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }

        public static Age of(long days) {
            if (days <= 7) {
                return DAYS_0_7;
            }
            if (days <= 30) {
                return DAYS_8_30;
            }
            return days <= 90 ? DAYS_31_90 : DAYS_OVER_90;
        }
    }

    record Key(String currency, DisputeStatus status, Age age) implements Comparable<Key> {

        private static final Comparator<Key> ORDER =
                Comparator.comparing(Key::currency).thenComparing(Key::status).thenComparing(Key::age);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    UnresolvedDisputeFigure plus(UnresolvedDisputeFigure other) {
        return new UnresolvedDisputeFigure(currency, status, age, disputes + other.disputes, amount.add(other.amount));
    }
}
