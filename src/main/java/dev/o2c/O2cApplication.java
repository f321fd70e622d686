package dev.o2c;

import io.camunda.client.annotation.Deployment;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Deployment(resources = {"classpath*:/processes/*.bpmn", "classpath*:/processes/*.dmn", "classpath*:/forms/*.form"})
public class O2cApplication {
  public static void main(String[] args) {
    SpringApplication.run(O2cApplication.class, args);
  }
}
