package dev.o2c.collections;

import dev.o2c.customers.CustomerService;
import dev.o2c.platform.audit.AuditLog;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's collection case: who works it and what was noted on it. A collector claims an unassigned customer
 * for themselves or gives up their own; credit managers assign any customer to any collector, or take it back.
 */
@Service
public class CollectionCases {

    static final Pattern COLLECTOR_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    private final CollectionAssignmentRepository assignments;
    private final CollectionNoteRepository notes;
    private final CustomerService customers;
    private final AuditLog audit;
    private final Clock clock;

    CollectionCases(
            CollectionAssignmentRepository assignments,
            CollectionNoteRepository notes,
            CustomerService customers,
            AuditLog audit,
            Clock clock) {
        this.assignments = assignments;
        this.notes = notes;
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Assigns the customer to {@code collector}, or unassigns it ({@code null}). A collector who is not a credit
     * manager may only name themselves, and only take a customer no one else holds (else 409: a manager reassigns).
     */
    @Transactional
    public Optional<CollectionAssignment> assign(long customerId, String collector, CurrentUser user) {
        boolean manager = user.groups().contains(Groups.CREDIT_MANAGERS);
        if (!manager && collector != null && !collector.equals(user.name())) {
            throw new CollectionNotPermittedException(
                    "a collector claims customers for themselves; only credit managers assign them to others");
        }
        customers.get(customerId);
        if (collector != null && !COLLECTOR_NAME.matcher(collector).matches()) {
            throw new InvalidCollectionException("collector", "a user name of 1 to 100 letters, digits and . _ @ -");
        }
        Optional<CollectionAssignment> current = assignments.lockByCustomerId(customerId);
        String holder = current.map(CollectionAssignment::getCollector).orElse(null);
        if (!manager && holder != null && !holder.equals(user.name())) {
            throw new IllegalCollectionTransitionException(
                    "customer " + customerId + " is worked by " + holder + "; a credit manager may reassign it");
        }
        if (Objects.equals(holder, collector)) {
            return current;
        }
        if (collector == null) {
            assignments.delete(current.orElseThrow());
            audit.record(user.name(), "COLLECTOR_UNASSIGNED", "customer", customerId, "was " + holder, null);
            return Optional.empty();
        }
        CollectionAssignment assignment;
        if (current.isPresent()) {
            assignment = current.get();
            assignment.reassign(collector, user.name(), clock.instant());
        } else {
            assignment = new CollectionAssignment(customerId, collector, user.name(), clock.instant());
        }
        try {
            assignments.saveAndFlush(assignment);
        } catch (DataIntegrityViolationException e) {
            // another collector claimed the customer at the same moment
            throw new IllegalCollectionTransitionException(
                    "customer " + customerId + " was just claimed by someone else; load the worklist again");
        }
        audit.record(
                user.name(),
                "COLLECTOR_ASSIGNED",
                "customer",
                customerId,
                collector + (holder == null ? "" : " (was " + holder + ")"),
                null);
        return Optional.of(assignment);
    }

    @Transactional(readOnly = true)
    public Optional<CollectionAssignment> assignmentOf(long customerId) {
        return assignments.findById(customerId);
    }

    @Transactional(readOnly = true)
    Map<Long, String> collectorsOf(Collection<Long> customerIds) {
        return assignments.findAllById(customerIds).stream()
                .collect(Collectors.toMap(CollectionAssignment::getCustomerId, CollectionAssignment::getCollector));
    }

    /** A call note on the customer's case, kept as the text it is (the workspace shows it as text, never markup). */
    @Transactional
    public CollectionNote note(long customerId, String text, String author) {
        customers.get(customerId);
        if (text == null || text.isBlank()) {
            throw new InvalidCollectionException("text", "a note needs some text");
        }
        if (text.length() > CollectionNote.MAX_LENGTH) {
            throw new InvalidCollectionException(
                    "text", "a note is at most " + CollectionNote.MAX_LENGTH + " characters (" + text.length() + ")");
        }
        return notes.save(new CollectionNote(customerId, author, text, clock.instant()));
    }

    /** The customer's notes, newest first (at most 200). */
    @Transactional(readOnly = true)
    public List<CollectionNote> notesOf(long customerId) {
        return notes.findTop200ByCustomerIdOrderByIdDesc(customerId);
    }
}
