package dev.o2c.platform.engine;

import dev.o2c.platform.errors.IllegalTransitionException;
import dev.o2c.platform.errors.InvalidValueException;
import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.Groups;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Time travel for demos and acceptance tests: embedded mode only, where engine time can be moved. */
@RestController
@RequestMapping("/api/engine")
class EngineController {

    private final ObjectProvider<TimeTravel> timeTravel;
    private final java.time.Clock clock;

    EngineController(ObjectProvider<TimeTravel> timeTravel, java.time.Clock clock) {
        this.timeTravel = timeTravel;
        this.clock = clock;
    }

    @GetMapping("/clock")
    @Allowed(Allowed.ANY_USER)
    ClockView now() {
        return new ClockView(clock.instant(), clock.getZone().getId(), timeTravel.getIfAvailable() != null);
    }

    @PostMapping("/clock")
    @Allowed(Groups.OPERATORS)
    ClockView advance(@Valid @RequestBody Advance request) {
        TimeTravel travel = Optional.ofNullable(timeTravel.getIfAvailable())
                .orElseThrow(
                        () -> new IllegalTransitionException("time travel is only possible with the embedded engine"));
        Duration duration = parse(request.advance());
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(3660)) > 0) {
            throw new InvalidValueException("advance", "must be a positive duration of at most ten years");
        }
        travel.advance(duration);
        return new ClockView(clock.instant(), clock.getZone().getId(), true);
    }

    private static Duration parse(String text) {
        try {
            if (text.contains("T")) {
                return Duration.parse(text);
            }
            Period period = Period.parse(text);
            if (period.getYears() != 0 || period.getMonths() != 0) {
                throw new InvalidValueException("advance", "use days (P40D) rather than months or years");
            }
            return Duration.ofDays(period.getDays());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("advance", "is not an ISO 8601 duration such as P10D or PT4H: " + text);
        }
    }

    record Advance(@NotBlank String advance) {}

    record ClockView(Instant now, String zone, boolean canTravel) {}
}
