package dev.o2c.platform.engine;

import java.util.Optional;

/**
 * Process models deployed after start-up (the safe deploy, dev.o2c.modeling): asked before the shipped files, so the
 * inbox knows elements and linked forms of a process changed or added since then.
 */
public interface ProcessModelSource {

    /** The latest accepted BPMN file defining this process id; the checksum identifies its content (for caching). */
    Optional<DeployedModel> latestProcess(String processId);

    record DeployedModel(String checksum, byte[] xml) {}
}
