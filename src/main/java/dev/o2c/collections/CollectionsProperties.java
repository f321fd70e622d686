package dev.o2c.collections;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties(prefix = "o2c.collections")
public record CollectionsProperties(String sender) {}
