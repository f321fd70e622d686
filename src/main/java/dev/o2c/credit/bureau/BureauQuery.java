package dev.o2c.credit.bureau;

/**
 * Whom to look up: by VAT id, or by the company id the bureau gave out (with the country), or by name and country.
 * Exactly one way per query; the factories say which.
 */
public record BureauQuery(String vatId, String companyId, String name, String country) {

    public BureauQuery {
        boolean byVat = vatId != null && companyId == null && name == null;
        boolean byCompany = vatId == null && companyId != null && name == null && country != null;
        boolean byName = vatId == null && companyId == null && name != null && country != null;
        if (!(byVat || byCompany || byName)) {
            throw new IllegalArgumentException("a bureau query is by VAT id, or by company id or name with a country");
        }
    }

    public static BureauQuery byVatId(String vatId) {
        return new BureauQuery(vatId, null, null, null);
    }

    public static BureauQuery byCompanyId(String companyId, String country) {
        return new BureauQuery(null, companyId, null, country);
    }

    public static BureauQuery byName(String name, String country) {
        return new BureauQuery(null, null, name, country);
    }

    @Override
    public String toString() {
        return vatId != null
                ? "VAT id " + vatId
                : companyId != null ? "company id " + companyId + " (" + country + ")" : name + " (" + country + ")";
    }
}
