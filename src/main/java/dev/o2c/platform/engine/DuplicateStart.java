package dev.o2c.platform.engine;

import io.camunda.client.exception.CamundaError;

/**
 * The first task of a process that may be started twice for one record (a sweep restarts what seems not to have
 * started; the engine may have taken a start whose answer was lost): the record keeps the first instance it is told
 * of, and any other ends through the model's {@value #ERROR_CODE} boundary before it does anything.
 */
public final class DuplicateStart {

    public static final String ERROR_CODE = "DUPLICATE_START";

    private DuplicateStart() {}

    /**
     * Whether a record that holds {@code recorded} (null: none yet) takes {@code offered} as its instance: the first to
     * be offered wins, and being offered it again is harmless.
     */
    public static boolean takes(Long recorded, long offered) {
        return recorded == null || recorded == offered;
    }

    /**
     * Lets the instance go on when its record took it as its own; otherwise throws the BPMN error that ends it.
     *
     * @param record what the instance is for, as an operator reads it ("order 42")
     */
    public static void unlessRecorded(boolean recorded, String record, String process) {
        if (!recorded) {
            throw CamundaError.bpmnError(
                    ERROR_CODE, record + " already has another " + process + " instance, or was taken back");
        }
    }
}
