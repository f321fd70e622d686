package dev.o2c.cashapplication;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** Makes "Müller Maschinenbau GmbH" and "MUELLER MASCHINENBAU" comparable: banks shorten and re-spell names. */
public final class PayerNames {

    private static final Set<String> LEGAL_FORMS = Set.of(
            "GMBH",
            "AG",
            "KG",
            "OHG",
            "SE",
            "LTD",
            "LIMITED",
            "INC",
            "LLC",
            "PLC",
            "SA",
            "SAS",
            "SARL",
            "SRL",
            "SPA",
            "BV",
            "NV",
            "CO",
            "CORP",
            "CORPORATION",
            "COMPANY",
            "AB",
            "AS",
            "OY",
            "UG",
            "EG");

    private PayerNames() {}

    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String folded = name.toUpperCase(Locale.ROOT)
                .replace("Ä", "AE")
                .replace("Ö", "OE")
                .replace("Ü", "UE")
                .replace("ß", "SS");
        folded = Normalizer.normalize(folded, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder normalized = new StringBuilder();
        for (String word : folded.split("[^A-Z0-9]+")) {
            if (!word.isEmpty() && !LEGAL_FORMS.contains(word)) {
                normalized.append(normalized.isEmpty() ? "" : " ").append(word);
            }
        }
        return normalized.toString();
    }
}
