package dev.o2c.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Forms deployed after start-up (the safe deploy, dev.o2c.modeling): asked before the shipped files in forms/, so a
 * task linked to a form changed or added since then shows the version the engine has.
 */
public interface FormSource {

    /** The latest accepted version of the form with this id, if one was deployed through the application. */
    Optional<JsonNode> latestForm(String formId);
}
