package dev.o2c.modeling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.o2c.modeling.ModelChecks.Finding;
import dev.o2c.modeling.ModelResource.Kind;
import dev.o2c.platform.audit.AuditLog;
import dev.o2c.platform.engine.ProcessModelSource;
import dev.o2c.tasks.FormSource;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import io.grpc.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The safe deploy: uploaded models, tables and forms are checked together with what runs (the shipped files overlaid
 * with every upload accepted before) and deployed in one deployment only when no check finds anything. Accepted
 * files are kept in model_resource, where the inbox finds the latest form and process model, and from where they are
 * deployed again at start-up over the shipped files (replacing the {@code @Deployment} of the shipped files alone).
 */
@Service
public class ModelDeployments implements FormSource, ProcessModelSource, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ModelDeployments.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String STARTUP = "application start-up";
    /**
     * The engine's first deployment starts its DMN and FEEL engines: about 8 s on a busy 2-core machine, close to the
     * client's default 10 s request timeout.
     */
    private static final java.time.Duration DEPLOY_TIMEOUT = java.time.Duration.ofSeconds(60);

    /** What the engine runs for one process, decision or form id. */
    public record Deployed(
            Kind kind,
            String id,
            int version,
            String file,
            long deploymentKey,
            String deployedBy,
            Instant deployedAt) {}

    /** The answer to an upload: deployed (findings empty) or refused with what the checks found. */
    public record Outcome(long deploymentKey, List<Deployed> deployed, List<Finding> findings) {
        public boolean accepted() {
            return findings.isEmpty();
        }
    }

    private final ModelResourceRepository resources;
    private final ModelCheckService checks;
    private final CamundaClient client;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /** One check-and-deploy at a time here, so two uploads are never both checked against the same old picture. */
    private final ReentrantLock deploying = new ReentrantLock();
    /** What the start-up deployment gave, by kind:id (shipped files and earlier uploads alike). */
    private final Map<String, Deployed> atStartup = new ConcurrentHashMap<>();

    private volatile boolean running;

    ModelDeployments(
            ModelResourceRepository resources,
            ModelCheckService checks,
            CamundaClient client,
            AuditLog audit,
            TransactionTemplate transaction,
            Clock clock) {
        this.resources = resources;
        this.checks = checks;
        this.client = client;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The shipped files overlaid, in the order they were accepted, with every accepted upload. */
    List<ModelFile> current() {
        List<ModelFile> files = new ArrayList<>();
        ModelCheckService.shippedFiles().forEach((name, bytes) -> files.add(ModelFile.read(name, bytes)));
        Set<String> seen = new HashSet<>();
        // only files still the latest for some id: an older one would be replaced by a newer sharing its ids anyway
        List<ModelResource> latest = new ArrayList<>(resources.latest());
        latest.sort(java.util.Comparator.comparing(ModelResource::getId));
        for (ModelResource row : latest) {
            if (seen.add(row.getDeploymentKey() + "/" + row.getName())) {
                overlay(files, ModelFile.read(row.getName(), row.getContent()));
            }
        }
        return files;
    }

    /** A file replaces any with its name or defining one of its ids (a renamed file with the same process, say). */
    private static void overlay(List<ModelFile> files, ModelFile file) {
        files.removeIf(other -> other.name().equals(file.name()) || other.sharesAnIdWith(file));
        files.add(file);
    }

    /**
     * Checks the candidates over what runs and deploys them, all in one deployment, when nothing is found. A refusal
     * deploys nothing; both are audited.
     */
    public Outcome deploy(List<ModelFile> candidates, String user) {
        deploying.lock();
        try {
            List<ModelFile> files = current();
            candidates.forEach(candidate -> overlay(files, candidate));
            Map<String, byte[]> byName = new TreeMap<>();
            files.forEach(file -> byName.put(file.name(), file.content()));
            List<Finding> findings = checks.check(byName).findings();
            if (!findings.isEmpty()) {
                return refused(candidates, findings, user);
            }
            DeploymentEvent event;
            try {
                DeployResourceCommandStep2 command = null;
                for (ModelFile file : candidates) {
                    command = command == null
                            ? client.newDeployResourceCommand().addResourceBytes(file.content(), file.name())
                            : command.addResourceBytes(file.content(), file.name());
                }
                event = command.requestTimeout(DEPLOY_TIMEOUT).send().join();
            } catch (ClientStatusException e) {
                if (e.getStatusCode() != Status.Code.INVALID_ARGUMENT) {
                    throw e;
                }
                // our checks missed something the engine knows: still a refusal of the files, not a server error
                return refused(
                        candidates,
                        List.of(new Finding(
                                names(candidates),
                                null,
                                "The engine refused the deployment: "
                                        + e.getStatus().getDescription())),
                        user);
            }
            Instant now = clock.instant();
            List<Deployed> deployed = deployedBy(event, candidates, user, now);
            transaction.executeWithoutResult(status -> {
                for (Deployed item : deployed) {
                    ModelFile file = candidates.stream()
                            .filter(candidate -> candidate.name().equals(item.file()))
                            .findFirst()
                            .orElseThrow();
                    resources.save(new ModelResource(
                            event.getKey(),
                            file.name(),
                            item.kind(),
                            item.id(),
                            item.version(),
                            file.checksum(),
                            file.content(),
                            user,
                            now));
                }
                audit.record(
                        user,
                        "MODEL_DEPLOYED",
                        "deployment",
                        event.getKey(),
                        deployed.stream()
                                .map(item -> item.kind() + " " + item.id() + " v" + item.version() + " (" + item.file()
                                        + ")")
                                .collect(Collectors.joining(", ")),
                        null);
            });
            log.info("{} deployed {} as deployment {}", user, names(candidates), event.getKey());
            return new Outcome(event.getKey(), deployed, List.of());
        } finally {
            deploying.unlock();
        }
    }

    private Outcome refused(List<ModelFile> candidates, List<Finding> findings, String user) {
        transaction.executeWithoutResult(status -> audit.record(
                user,
                "MODEL_DEPLOY_REFUSED",
                "deployment",
                names(candidates),
                findings.stream().map(Finding::toString).collect(Collectors.joining("\n")),
                findings.size() + " finding(s)"));
        return new Outcome(0, List.of(), findings);
    }

    private static String names(List<ModelFile> files) {
        String names = files.stream().map(ModelFile::name).collect(Collectors.joining(","));
        return names.length() <= 60 ? names : names.substring(0, 57) + "...";
    }

    private static List<Deployed> deployedBy(DeploymentEvent event, List<ModelFile> files, String user, Instant at) {
        Map<String, String> fileOf = new LinkedHashMap<>();
        files.forEach(file -> file.ids().forEach((id, kind) -> fileOf.put(kind + ":" + id, file.name())));
        List<Deployed> deployed = new ArrayList<>();
        event.getProcesses()
                .forEach(process -> deployed.add(new Deployed(
                        Kind.PROCESS,
                        process.getBpmnProcessId(),
                        process.getVersion(),
                        process.getResourceName(),
                        event.getKey(),
                        user,
                        at)));
        event.getDecisions()
                .forEach(decision -> deployed.add(new Deployed(
                        Kind.DECISION,
                        decision.getDmnDecisionId(),
                        decision.getVersion(),
                        fileOf.get(Kind.DECISION + ":" + decision.getDmnDecisionId()),
                        event.getKey(),
                        user,
                        at)));
        event.getForm()
                .forEach(form -> deployed.add(new Deployed(
                        Kind.FORM,
                        form.getFormId(),
                        form.getVersion(),
                        form.getResourceName(),
                        event.getKey(),
                        user,
                        at)));
        return deployed;
    }

    /** The latest version of every process, decision and form: from the start-up deployment or a later upload. */
    public List<Deployed> deployed() {
        Map<String, Deployed> all = new TreeMap<>(atStartup);
        for (ModelResource row : resources.latest()) {
            String key = row.getKind() + ":" + row.getResourceId();
            Deployed startup = all.get(key);
            // an upload accepted before this start was deployed again then: the engine's version is the start-up one
            int version = startup != null && row.getDeployedAt().isBefore(startup.deployedAt())
                    ? startup.version()
                    : row.getVersion();
            all.put(
                    key,
                    new Deployed(
                            row.getKind(),
                            row.getResourceId(),
                            version,
                            row.getName(),
                            row.getDeploymentKey(),
                            row.getDeployedBy(),
                            row.getDeployedAt()));
        }
        return List.copyOf(all.values());
    }

    @Override
    public Optional<JsonNode> latestForm(String formId) {
        return resources
                .findFirstByKindAndResourceIdOrderByIdDesc(Kind.FORM, formId)
                .map(row -> {
                    try {
                        return JSON.readTree(row.getContent());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @Override
    public Optional<DeployedModel> latestProcess(String processId) {
        return resources
                .findFirstByKindAndResourceIdOrderByIdDesc(Kind.PROCESS, processId)
                .map(row -> new DeployedModel(row.getChecksum(), row.getContent()));
    }

    /**
     * Deploys the shipped files overlaid with the accepted uploads in one deployment, before the job workers start
     * (as the {@code @Deployment} annotation it replaces did, after the web server has started). The engine deploys nothing it already has as latest version (same content), so on a cluster
     * that kept its state a restart adds no versions; an empty embedded engine gets everything again.
     */
    @Override
    public void start() {
        List<ModelFile> files = current();
        DeploymentEvent event;
        try {
            event = deployAll(files);
        } catch (ClientStatusException e) {
            if (e.getStatusCode() != Status.Code.INVALID_ARGUMENT
                    || files.size() == ModelCheckService.shippedFiles().size() && resources.count() == 0) {
                throw e;
            }
            log.error(
                    "The engine refused the shipped models together with the accepted uploads ({}); deploying the"
                            + " shipped models alone",
                    e.getStatus().getDescription());
            files = new ArrayList<>();
            for (var shipped : ModelCheckService.shippedFiles().entrySet()) {
                files.add(ModelFile.read(shipped.getKey(), shipped.getValue()));
            }
            event = deployAll(files);
        }
        Instant now = clock.instant();
        for (Deployed item : deployedBy(event, files, STARTUP, now)) {
            atStartup.put(item.kind() + ":" + item.id(), item);
        }
        log.info(
                "Deployed {} processes, {} decisions and {} forms at start-up (deployment {})",
                event.getProcesses().size(),
                event.getDecisions().size(),
                event.getForm().size(),
                event.getKey());
        running = true;
    }

    private DeploymentEvent deployAll(List<ModelFile> files) {
        DeployResourceCommandStep2 command = null;
        for (ModelFile file : files) {
            command = command == null
                    ? client.newDeployResourceCommand().addResourceBytes(file.content(), file.name())
                    : command.addResourceBytes(file.content(), file.name());
        }
        return command.requestTimeout(DEPLOY_TIMEOUT).send().join();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the Camunda client's lifecycle (Integer.MAX_VALUE), which opens the job workers. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2;
    }
}
