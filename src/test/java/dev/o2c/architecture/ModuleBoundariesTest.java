package dev.o2c.architecture;

import dev.o2c.O2cApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * A module per business capability (each top-level package under dev.o2c). Spring Modulith fails this test when a
 * module reaches into another's internals or two modules depend on each other, directly or around a cycle: views
 * that combine several capabilities live in the module downstream of them all.
 */
class ModuleBoundariesTest {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(O2cApplication.class).verify();
    }
}
