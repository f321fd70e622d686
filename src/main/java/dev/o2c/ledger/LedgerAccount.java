package dev.o2c.ledger;

/** The accounts receivables touch. Codes follow a common chart: 1xxx assets, 2xxx liabilities, 4xxx income, 6xxx expenses. */
public enum LedgerAccount {
    BANK("1000"),
    RECEIVABLE("1200"),
    UNAPPLIED_CASH("2100"),
    CUSTOMER_CREDIT("2150"),
    TAX_PAYABLE("2200"),
    REVENUE("4000"),
    FEE_INCOME("4100"),
    INTEREST_INCOME("4200"),
    DISCOUNTS_ALLOWED("4900"),
    BAD_DEBT_EXPENSE("6800"),
    DEDUCTIONS("6900");

    private final String code;

    LedgerAccount(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static LedgerAccount byCode(String code) {
        for (LedgerAccount account : values()) {
            if (account.code.equals(code)) {
                return account;
            }
        }
        throw new IllegalArgumentException("no account " + code);
    }
}
