package dev.o2c.platform.security;

/** The groups users belong to; they double as Spring Security authorities and as BPMN candidate groups. */
public final class Groups {

    public static final String SALES = "sales";
    public static final String CREDIT_ANALYSTS = "credit-analysts";
    public static final String CREDIT_MANAGERS = "credit-managers";
    public static final String COLLECTORS = "collectors";
    public static final String AR_CLERKS = "ar-clerks";
    public static final String OPERATORS = "operators";
    /** Answer disputes about the goods (damaged, not received, quantity): their task and its invoice, nothing more. */
    public static final String WAREHOUSE = "warehouse";
    /** Change process models, decision tables and forms, and deploy them through the checks (POST /api/models). */
    public static final String BUSINESS_ANALYSTS = "business-analysts";

    private Groups() {}
}
