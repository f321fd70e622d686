package dev.o2c;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
// The shipped processes/ and forms/ are deployed at start-up by dev.o2c.modeling.ModelDeployments, together with the
// models accepted through the safe deploy since (they replace the shipped ones they change).
public class O2cApplication {
    public static void main(String[] args) {
        SpringApplication.run(O2cApplication.class, args);
    }
}
