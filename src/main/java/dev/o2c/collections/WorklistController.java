package dev.o2c.collections;

import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The collectors' worklist and what they do from it: claim a customer, note a call, take a promise to pay. The whole
 * picture of one customer (items, reminders, promises, notes) is the workspace's GET /api/collections/customers/{id}.
 */
@RestController
@RequestMapping("/api/collections")
@Allowed({Groups.COLLECTORS, Groups.CREDIT_MANAGERS})
class WorklistController {

    private final CollectorWorklist worklist;
    private final CollectionCases cases;
    private final PromisesToPay promises;

    WorklistController(CollectorWorklist worklist, CollectionCases cases, PromisesToPay promises) {
        this.worklist = worklist;
        this.cases = cases;
        this.promises = promises;
    }

    /**
     * Customers with overdue items, highest priority first. {@code filter}: mine (assigned to me, or to
     * {@code assignee}), unassigned, all (everyone's, or {@code assignee}'s). {@code page} from 0, {@code size} 1-200.
     */
    @GetMapping("/worklist")
    CollectorWorklist.Page worklist(
            @RequestParam(defaultValue = "all") String filter,
            @RequestParam(required = false) String assignee,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        CollectorWorklist.Filter chosen;
        try {
            chosen = CollectorWorklist.Filter.valueOf(filter.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidCollectionException("filter", "mine, unassigned or all");
        }
        return worklist.rank(chosen, assignee, CurrentUser.get().name(), page, size);
    }

    /**
     * {@code collector}: who works the customer from now on, or null to unassign. Collectors claim for themselves
     * (409 when another holds it); credit managers assign anyone and reassign.
     */
    @PostMapping("/customers/{id}/assignment")
    AssignmentView assign(@PathVariable long id, @Valid @RequestBody Assignment request) {
        CurrentUser user = CurrentUser.get();
        return cases.assign(id, request.collector(), user)
                .map(AssignmentView::of)
                .orElse(new AssignmentView(id, null, user.name(), null));
    }

    @PostMapping("/customers/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    NoteView note(@PathVariable long id, @Valid @RequestBody Note request) {
        return NoteView.of(cases.note(id, request.text(), CurrentUser.get().name()));
    }

    /** Newest first, at most 200. */
    @GetMapping("/customers/{id}/notes")
    List<NoteView> notes(@PathVariable long id) {
        return cases.notesOf(id).stream().map(NoteView::of).toList();
    }

    /**
     * {@code amount} of {@code invoiceId} by {@code promisedDate} (today up to 90 days ahead, at most the open
     * amount). Recorded on the invoice like a promise from the follow-up task; broken once the date passes unpaid.
     */
    @PostMapping("/customers/{id}/promises")
    @ResponseStatus(HttpStatus.CREATED)
    PromiseView promise(@PathVariable long id, @Valid @RequestBody Promise request) {
        return PromiseView.of(promises.promise(
                id,
                request.invoiceId(),
                request.promisedDate(),
                request.amount(),
                CurrentUser.get().name()));
    }

    record Assignment(@Size(max = 100) String collector) {}

    record Note(
            @NotBlank @Size(max = CollectionNote.MAX_LENGTH) String text) {}

    record Promise(
            @NotNull Long invoiceId,
            @NotNull LocalDate promisedDate,
            @NotNull BigDecimal amount) {}
}
