package dev.o2c.processtest;

import io.camunda.process.test.api.CamundaSpringProcessTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application, profile "camunda", against Camunda Process Test's runtime (the Camunda engine in a Docker
 * container): CPT hands the app's job workers and inbox a CamundaClient pointed at that engine, and PostgreSQL is
 * zonky's embedded server as in the default suite. Runs only with {@code ./mvnw -Pprocess-test verify}.
 */
@Target(ElementType.TYPE)
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Tag("camunda-process-test")
// the bureau simulator (a real local HTTP server) stands in for the bureau the camunda profile otherwise requires
@SpringBootTest(properties = {"o2c.embedded.enabled=false", "o2c.credit-bureau.simulator.enabled=true"})
@ActiveProfiles("camunda")
@CamundaSpringProcessTest
@Import(ProcessTestConfiguration.class)
@ContextConfiguration(initializers = ProcessTestConfiguration.WithoutEmbeddedEngineSupport.class)
public @interface ProcessTest {}
