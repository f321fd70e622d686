package dev.o2c.modeling;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One process, decision or form of a deployment accepted through the safe deploy (POST /api/models). */
@Entity
@Table(name = "model_resource")
public class ModelResource {

    public enum Kind {
        PROCESS,
        DECISION,
        FORM
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long deploymentKey;
    private String name;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String resourceId;
    private int version;
    private String checksum;
    private byte[] content;
    private String deployedBy;
    private Instant deployedAt;

    protected ModelResource() {}

    ModelResource(
            long deploymentKey,
            String name,
            Kind kind,
            String resourceId,
            int version,
            String checksum,
            byte[] content,
            String deployedBy,
            Instant deployedAt) {
        this.deploymentKey = deploymentKey;
        this.name = name;
        this.kind = kind;
        this.resourceId = resourceId;
        this.version = version;
        this.checksum = checksum;
        this.content = content;
        this.deployedBy = deployedBy;
        this.deployedAt = deployedAt;
    }

    public Long getId() {
        return id;
    }

    public long getDeploymentKey() {
        return deploymentKey;
    }

    public String getName() {
        return name;
    }

    public Kind getKind() {
        return kind;
    }

    public String getResourceId() {
        return resourceId;
    }

    public int getVersion() {
        return version;
    }

    public String getChecksum() {
        return checksum;
    }

    public byte[] getContent() {
        return content;
    }

    public String getDeployedBy() {
        return deployedBy;
    }

    public Instant getDeployedAt() {
        return deployedAt;
    }
}
