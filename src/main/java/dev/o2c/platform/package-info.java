/**
 * The shared kernel: audit log, money, text, time, security groups, errors, the engine connection and the web
 * layer's problem mapping. Every capability uses it and it uses none of them, so all its packages are open.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package dev.o2c.platform;

import org.springframework.modulith.ApplicationModule;
