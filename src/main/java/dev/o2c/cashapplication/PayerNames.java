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

    /**
     * The name without its last word when that is the beginning of a legal form the bank cut off ("NORDBAU BERLIN G"
     * for "Nordbau Berlin GmbH", "... GMBH & C" for "... GmbH & Co. KG"), {@link #normalize normalised}; null when the
     * name does not end so or has nothing else.
     */
    public static String withoutCutLegalForm(String name) {
        // Whole legal forms are gone after normalising; a last word that only begins one was cut off.
        String[] words = normalize(name).split(" ");
        String last = words[words.length - 1];
        boolean cut = words.length > 1
                && LEGAL_FORMS.stream().anyMatch(form -> form.length() > last.length() && form.startsWith(last));
        return cut ? String.join(" ", java.util.Arrays.copyOf(words, words.length - 1)) : null;
    }

    /**
     * A bank's shortened or cut-off form of the customer's name: word by word, each word of the debtor name begins the
     * customer's word in the same place ("NORDWIND BERL." for "Nordwind Berlin GmbH"), the first word has at least
     * four letters, and the customer's name has no fewer words. Both names already {@link #normalize normalised}.
     */
    public static boolean similar(String debtor, String customer) {
        if (debtor.isEmpty() || customer.isEmpty() || debtor.equals(customer)) {
            return false;
        }
        String[] said = debtor.split(" ");
        String[] known = customer.split(" ");
        if (said.length > known.length || said[0].length() < 4) {
            return false;
        }
        for (int i = 0; i < said.length; i++) {
            if (!known[i].startsWith(said[i])) {
                return false;
            }
        }
        return true;
    }

    /** The key under which similar names are looked up: the first four letters of the normalised name. */
    static String similarityKey(String normalized) {
        return normalized.length() < 4 ? null : normalized.substring(0, 4);
    }
}
