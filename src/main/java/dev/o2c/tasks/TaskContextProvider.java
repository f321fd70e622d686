package dev.o2c.tasks;

import java.util.Map;

/**
 * What an approver needs beside a task's form to decide well; each capability describes its own tasks, so the inbox
 * knows nothing of credit or collections.
 */
public interface TaskContextProvider {

    boolean describes(HumanTask task);

    Map<String, Object> contextOf(HumanTask task, Map<String, Object> variables);
}
