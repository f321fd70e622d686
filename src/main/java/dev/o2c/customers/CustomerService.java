package dev.o2c.customers;

import dev.o2c.platform.audit.AuditLog;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CustomerService {

    static final String ENTITY = "customer";

    private final CustomerRepository customers;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CustomerService(CustomerRepository customers, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Customer create(NewCustomer request, String actor) {
        return create(request, null, actor);
    }

    /**
     * A new customer; {@code proposedLimit} is what sales asked for, kept beside the limit credit staff set (a sales
     * request never sets the limit itself: the controller gives sales' customers the unassessed default).
     */
    @Transactional
    public Customer create(NewCustomer request, BigDecimal proposedLimit, String actor) {
        Customer customer = customers.save(new Customer(
                request.name(),
                request.email(),
                request.currency(),
                request.terms(),
                request.creditLimit(),
                request.riskClass(),
                request.taxRate(),
                request.iban(),
                clock.instant()));
        customer.changeContact(request.language(), request.address());
        audit.record(
                actor,
                "CUSTOMER_CREATED",
                ENTITY,
                customer.getId(),
                "limit " + request.creditLimit() + " " + request.currency() + ", terms " + request.terms()
                        + ", risk class " + request.riskClass()
                        + (request.riskClassAssessed() ? "" : " (unassessed default)")
                        + (request.vatId() == null ? "" : ", VAT id " + request.vatId())
                        + (proposedLimit == null ? "" : ", proposed limit " + proposedLimit),
                null);
        if (proposedLimit != null) {
            customer.proposeCreditLimit(proposedLimit);
        }
        if (request.vatId() != null) {
            customer.registerVatId(request.vatId());
        }
        // delivered after commit to whoever listens (credit fetches a bureau report); customers imports none of them
        events.publishEvent(new CustomerRegistered(
                customer.getId(),
                customer.getName(),
                request.vatId(),
                request.riskClass(),
                request.riskClassAssessed(),
                actor));
        return customer;
    }

    /** Every customer, for views and sweeps over all of them (dashboard, cash application, periodic limit review). */
    @Transactional(readOnly = true)
    public List<Customer> all() {
        return customers.findAll();
    }

    /** The names of the given customers, in one query (for lists of other records that name their customer). */
    @Transactional(readOnly = true)
    public Map<Long, String> namesOf(Collection<Long> ids) {
        return customers.findAllById(ids).stream().collect(Collectors.toMap(Customer::getId, Customer::getName));
    }

    /** The given customers by id, in one query (lists that show several customers' names and risk classes). */
    @Transactional(readOnly = true)
    public Map<Long, Customer> byIds(Collection<Long> ids) {
        return customers.findAllById(ids).stream().collect(Collectors.toMap(Customer::getId, c -> c));
    }

    @Transactional(readOnly = true)
    public Customer get(long id) {
        return customers.findById(id).orElseThrow(() -> new CustomerNotFoundException("customer", id));
    }

    @Transactional
    public Customer changeCreditLimit(long id, BigDecimal newLimit, String actor, String reason) {
        Customer customer = customers.lockById(id).orElseThrow(() -> new CustomerNotFoundException("customer", id));
        BigDecimal old = customer.getCreditLimit();
        customer.changeCreditLimit(newLimit);
        audit.record(actor, "CREDIT_LIMIT_CHANGED", ENTITY, id, old + " -> " + newLimit, reason);
        return customer;
    }

    /** The language documents are written in and the postal address; the caller has checked the codes. */
    @Transactional
    public Customer changeContact(long id, String language, PostalAddress address, String actor) {
        Customer customer = customers.lockById(id).orElseThrow(() -> new CustomerNotFoundException("customer", id));
        customer.changeContact(language, address);
        audit.record(
                actor,
                "CUSTOMER_CONTACT_CHANGED",
                ENTITY,
                id,
                "language " + language + ", country " + address.countryCode(),
                null);
        return customer;
    }

    @Transactional
    public Customer changeRiskClass(long id, RiskClass riskClass, String actor, String reason) {
        Customer customer = customers.lockById(id).orElseThrow(() -> new CustomerNotFoundException("customer", id));
        RiskClass old = customer.riskClass();
        customer.changeRiskClass(riskClass);
        audit.record(actor, "RISK_CLASS_CHANGED", ENTITY, id, old + " -> " + riskClass, reason);
        return customer;
    }

    /**
     * Sets the risk class only if it is still {@code expected} (the class the customer was created with), so that an
     * automatic assessment (e.g. from a credit bureau report) never overwrites what credit staff decided meanwhile.
     * Returns whether it changed anything; a change is audited like any other.
     */
    @Transactional
    public boolean changeRiskClassIfStill(
            long id, RiskClass expected, RiskClass riskClass, String actor, String reason) {
        Customer customer = customers.lockById(id).orElseThrow(() -> new CustomerNotFoundException("customer", id));
        if (customer.riskClass() != expected || expected == riskClass) {
            return false;
        }
        customer.changeRiskClass(riskClass);
        audit.record(actor, "RISK_CLASS_CHANGED", ENTITY, id, expected + " -> " + riskClass, reason);
        return true;
    }

    /**
     * Waives late-payment interest and the recovery fee for the customer, or charges them again. Audited; setting what
     * is already set writes nothing.
     */
    @Transactional
    public Customer changeLateChargesWaived(long id, boolean waived, String actor, String reason) {
        Customer customer = customers.lockById(id).orElseThrow(() -> new CustomerNotFoundException("customer", id));
        if (customer.isLateChargesWaived() != waived) {
            customer.waiveLateCharges(waived);
            audit.record(
                    actor,
                    waived ? "LATE_CHARGES_WAIVED" : "LATE_CHARGES_REINSTATED",
                    ENTITY,
                    id,
                    waived
                            ? "no late-payment interest or recovery fee from now on"
                            : "late-payment charges apply again",
                    reason);
        }
        return customer;
    }

    /** Idempotent: a customer already on hold stays on hold and no second audit record is written. */
    @Transactional
    public Customer placeOnCreditHold(long id, String actor, String reason) {
        Customer customer = customers.lockById(id).orElseThrow(() -> new CustomerNotFoundException("customer", id));
        if (!customer.isOnCreditHold()) {
            customer.placeOnCreditHold();
            audit.record(actor, "CREDIT_HOLD_PLACED", ENTITY, id, "customer placed on credit hold", reason);
        }
        return customer;
    }

    @Transactional
    public Customer releaseCreditHold(long id, String actor, String reason) {
        Customer customer = customers.lockById(id).orElseThrow(() -> new CustomerNotFoundException("customer", id));
        if (customer.isOnCreditHold()) {
            customer.releaseCreditHold();
            audit.record(actor, "CREDIT_HOLD_RELEASED", ENTITY, id, "credit hold released", reason);
        }
        return customer;
    }

    /**
     * {@code riskClassAssessed}: false when the risk class is only the conservative default for a customer nobody in
     * credit has assessed yet (then a bureau report may set it).
     */
    public record NewCustomer(
            String name,
            String email,
            String currency,
            PaymentTerms terms,
            BigDecimal creditLimit,
            RiskClass riskClass,
            BigDecimal taxRate,
            String iban,
            String vatId,
            boolean riskClassAssessed,
            String language,
            PostalAddress address) {

        public NewCustomer {
            language = language == null ? Languages.DEFAULT : language;
            address = address == null ? PostalAddress.UNKNOWN : address;
        }

        /** A customer without VAT id whose risk class the caller decided, in the default language, address unknown. */
        public NewCustomer(
                String name,
                String email,
                String currency,
                PaymentTerms terms,
                BigDecimal creditLimit,
                RiskClass riskClass,
                BigDecimal taxRate,
                String iban) {
            this(name, email, currency, terms, creditLimit, riskClass, taxRate, iban, null, true, null, null);
        }
    }
}
