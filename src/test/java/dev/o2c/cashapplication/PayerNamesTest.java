package dev.o2c.cashapplication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayerNamesTest {

    @Test
    void aLastWordThatOnlyBeginsALegalFormWasCutOffByTheBank() {
        assertThat(PayerNames.withoutCutLegalForm("NORDBAU BERLIN G")).isEqualTo("NORDBAU BERLIN");
        assertThat(PayerNames.withoutCutLegalForm("Nordbau Berlin GmbH & C")).isEqualTo("NORDBAU BERLIN");
        assertThat(PayerNames.withoutCutLegalForm("SEEFORM BERLIN A")).isEqualTo("SEEFORM BERLIN");
    }

    @Test
    void aWholeLegalFormOrAnOrdinaryLastWordIsNoCut() {
        assertThat(PayerNames.withoutCutLegalForm("Nordbau Berlin GmbH")).isNull();
        assertThat(PayerNames.withoutCutLegalForm("Nordbau Berlin")).isNull();
        assertThat(PayerNames.withoutCutLegalForm("G")).as("nothing left").isNull();
        assertThat(PayerNames.withoutCutLegalForm(null)).isNull();
    }
}
