package dev.o2c.platform.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CurrenciesAndIbanTest {

    @ParameterizedTest
    @ValueSource(strings = {"EUR", "USD", "JPY", "CHF", "GBP", "KWD", "XOF", "XAF", "XCD", "XPF"})
    void tradingCurrencies(String code) {
        assertThat(Currencies.isTradingCurrency(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "XXX", "XAU", "XAG", "XPT", "XPD", "XTS", "XDR", "XBA", "XSU", "XUA", "CHE", "BOV", "USN", "DEM", "FRF",
                "HRK", "ABC", "eur", "EURO", ""
            })
    void notTradingCurrencies(String code) {
        assertThat(Currencies.isTradingCurrency(code)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void minorUnitsAreNeverRoundedAway() {
        assertThat(Currencies.hasMinorUnitScale(new BigDecimal("1.5"), "JPY")).isFalse();
        assertThat(Currencies.hasMinorUnitScale(new BigDecimal("150"), "JPY")).isTrue();
        assertThat(Currencies.hasMinorUnitScale(new BigDecimal("1.001"), "EUR")).isFalse();
        assertThat(Currencies.hasMinorUnitScale(new BigDecimal("1.100"), "EUR")).isTrue();
        assertThat(Currencies.hasMinorUnitScale(new BigDecimal("1.001"), "KWD")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "DE89370400440532013000",
                "DE89 3704 0044 0532 0130 00",
                "GB29NWBK60161331926819",
                "FR7630006000011234567890189",
                "de44500105175407324931",
                "NL91ABNA0417164300"
            })
    void validIbans(String iban) {
        assertThat(Iban.isValid(iban)).isTrue();
    }

    @org.junit.jupiter.api.Test
    void computesCheckDigits() {
        assertThat(Iban.of("DE", "370400440532013000")).isEqualTo("DE89370400440532013000");
        assertThat(Iban.of("GB", "NWBK60161331926819")).isEqualTo("GB29NWBK60161331926819");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "DE89370400440532013001",
                "DE88370400440532013000",
                "GB29NWBK60161331926818",
                "DE00",
                "XX",
                "1234567890123456",
                "DE89370400440532013000DE89370400440532013000",
                "DE8937040044053201300!"
            })
    void invalidIbans(String iban) {
        assertThat(Iban.isValid(iban)).isFalse();
    }
}
