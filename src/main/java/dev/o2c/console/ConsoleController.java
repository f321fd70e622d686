package dev.o2c.console;

import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/console")
@Allowed(Groups.OPERATORS)
class ConsoleController {

    private final ProcessConsole console;
    private final IncidentRetry retry;
    private final RecordProjection projection;

    ConsoleController(ProcessConsole console, IncidentRetry retry, RecordProjection projection) {
        this.console = console;
        this.retry = retry;
        this.projection = projection;
    }

    /** How far the console has read and which records it had to skip (a non-zero count deserves a look). */
    @GetMapping("/feed")
    RecordProjection.FeedStatus feed() {
        return projection.status();
    }

    @GetMapping("/processes")
    List<ProcessConsole.ProcessSummary> processes() {
        return console.processes();
    }

    @GetMapping(path = "/processes/{processId}/xml", produces = MediaType.TEXT_XML_VALUE)
    String processXml(@PathVariable String processId) {
        return console.latestXml(processId);
    }

    @GetMapping("/processes/{processId}/statistics")
    List<ProcessConsole.ElementStatistics> statistics(@PathVariable String processId) {
        return console.statistics(processId);
    }

    @GetMapping("/instances")
    List<ProcessConsole.InstanceSummary> instances(
            @RequestParam(required = false) String processId,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "100") int limit) {
        return console.instances(processId, state, q, limit);
    }

    @GetMapping("/instances/{key}")
    ProcessConsole.InstanceDetail instance(@PathVariable long key) {
        return console.instance(key);
    }

    @GetMapping(path = "/instances/{key}/xml", produces = MediaType.TEXT_XML_VALUE)
    String instanceXml(@PathVariable long key) {
        return console.instanceXml(key);
    }

    @PostMapping("/incidents/{key}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    IncidentRetry.Retried retry(@PathVariable long key) {
        return retry.retry(key, CurrentUser.get().name());
    }
}
