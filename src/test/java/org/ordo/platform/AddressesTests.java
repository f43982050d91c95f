package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressesTests {

    private static Address address(String street, String street2, String postalCode, String city, String region,
            String country) {
        return new Address("Erika Mustermann", null, street, street2, postalCode, city, region, country, null);
    }

    private static List<AddressProblem.Kind> kinds(Address address, String carrier) {
        return Addresses.check(address, carrier).stream().map(AddressProblem::kind).toList();
    }

    @ParameterizedTest(name = "{5}: {0}, {2} {3}")
    @CsvSource(delimiter = '|', value = {
            "Unter den Linden 77||10117|Berlin||DE",
            "Mariahilfer Str. 8||1060|Wien||AT",
            "Bahnhofstrasse 1||8001|Zürich||CH",
            "Calle de Alcalá 45|3º B|28014|Madrid||ES",
            "Calle Mayor 5, 3º 2ª||28013|Madrid||ES",
            "Passeig de Gràcia 21|Piso 4, puerta 2|08007|Barcelona||ES",
            "Plaza Mayor s/n||37002|Salamanca||ES",
            "세종대로 110||04524|서울||KR",
            "해운대로 264||48094|부산||KR",
            "Sejong-daero 209||03171|Seoul||KR",
            "350 Fifth Avenue||10118|New York|NY|US",
            "1600 Amphitheatre Pkwy||94043-1351|Mountain View|CA|US",
            "Rue de Rivoli 99||75001|Paris||FR",
            "Damrak 1||1012 LG|Amsterdam||NL",
            "ul. Marszałkowska 10||00-590|Warszawa||PL",
            "Rua Augusta 24||1100-053|Lisboa||PT",
            "Via del Corso 1||00186|Roma||IT",
            "Drottninggatan 5||111 51|Stockholm||SE",
            "5 Main Street||D02 X285|Dublin||IE",
            "221B Baker Street||NW1 6XE|London||GB",
            "Karlova 1||110 00|Praha||CZ",
            "Brīvības iela 1||LV-1050|Rīga||LV"})
    void realAddressesPass(String street, String street2, String postalCode, String city, String region,
            String country) {
        assertThat(Addresses.check(address(street, street2, postalCode, city, region, country), "DHL")).isEmpty();
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource({"101150,DE", "10100,AT", "0123,AT", "80010,CH", "53001,ES", "123-456,KR", "0452,KR",
            "1012,NL", "00590,PL", "1100,PT", "1001,US", "ABC,DE"})
    void postalCodesOfTheWrongFormatAreFound(String postalCode, String country) {
        List<AddressProblem> problems = Addresses.check(address("Hauptstr. 1", null, postalCode, "Ort", "NY",
                country), "DHL");

        assertThat(problems).extracting(AddressProblem::kind).containsExactly(AddressProblem.Kind.POSTAL_CODE_FORMAT);
        assertThat(problems.get(0).value()).isEqualTo(postalCode);
        assertThat(problems.get(0).expected()).isNotBlank();
        assertThat(problems.get(0).message(country)).contains(postalCode).contains("expected like");
    }

    @Test
    void aCountryWithoutRulesOfItsOwnIsNotJudged() {
        assertThat(Addresses.check(address("Main Road", null, "whatever", "Town", null, "ZA"), null)).isEmpty();
    }

    @Test
    void anAmericanAddressNeedsItsState() {
        assertThat(kinds(address("350 Fifth Avenue", null, "10118", "New York", null, "US"), "UPS"))
                .containsExactly(AddressProblem.Kind.REGION_MISSING);
    }

    @Test
    void aStreetWithoutHouseNumberIsFound() {
        assertThat(kinds(address("Hauptstraße", null, "10115", "Berlin", null, "DE"), "DHL"))
                .containsExactly(AddressProblem.Kind.HOUSE_NUMBER_MISSING);
        assertThat(kinds(address("세종대로", null, "04524", "서울", null, "KR"), "DHL"))
                .containsExactly(AddressProblem.Kind.HOUSE_NUMBER_MISSING);
    }

    @Test
    void aSpanishFloorAndDoorAreNoHouseNumber() {
        assertThat(kinds(address("Calle Mayor", "3º 2ª", "28013", "Madrid", null, "ES"), "DHL"))
                .containsExactly(AddressProblem.Kind.HOUSE_NUMBER_MISSING);
        assertThat(kinds(address("Calle Mayor, piso 3, puerta 2", null, "28013", "Madrid", null, "ES"), "DHL"))
                .containsExactly(AddressProblem.Kind.HOUSE_NUMBER_MISSING);
    }

    @Test
    void aPoBoxIsHeldForEveryCarrierButThePost() {
        Address poBox = address("Postfach 10 20 30", null, "10115", "Berlin", null, "DE");

        assertThat(kinds(poBox, "DHL")).containsExactly(AddressProblem.Kind.PO_BOX);
        assertThat(kinds(poBox, "DPD")).containsExactly(AddressProblem.Kind.PO_BOX);
        assertThat(kinds(poBox, null)).containsExactly(AddressProblem.Kind.PO_BOX);
        assertThat(kinds(poBox, "DEUTSCHE_POST")).isEmpty();
        assertThat(kinds(address("Apartado de Correos 1234", null, "28080", "Madrid", null, "ES"), "UPS"))
                .containsExactly(AddressProblem.Kind.PO_BOX);
        assertThat(kinds(address("P.O. Box 1234", null, "10001", "New York", "NY", "US"), "UPS"))
                .containsExactly(AddressProblem.Kind.PO_BOX);
        assertThat(kinds(address("중앙우체국 사서함 1234", null, "04524", "서울", null, "KR"), null))
                .containsExactly(AddressProblem.Kind.PO_BOX);
    }

    @Test
    void aPackstationIsFineForDhlAndHeldForOthers() {
        Address packstation = address("Packstation 105", "Postnummer 12345678", "53113", "Bonn", null, "DE");

        assertThat(kinds(packstation, "DHL")).isEmpty();
        assertThat(kinds(packstation, "dhl")).isEmpty();
        assertThat(kinds(packstation, "HERMES")).containsExactly(AddressProblem.Kind.PARCEL_LOCKER);
        assertThat(kinds(packstation, null)).containsExactly(AddressProblem.Kind.PARCEL_LOCKER);
        assertThat(Addresses.check(packstation, "GLS").get(0).message("DE")).contains("Packstation 105")
                .contains("GLS");
    }

    @Test
    void severalProblemsAreAllNamedAndTheReasonFitsAHold() {
        Address bad = address("Hauptstraße", null, "1234", "Berlin", null, "DE");

        List<AddressProblem> problems = Addresses.check(bad, "DHL");

        assertThat(problems).extracting(AddressProblem::kind).containsExactly(AddressProblem.Kind.POSTAL_CODE_FORMAT,
                AddressProblem.Kind.HOUSE_NUMBER_MISSING);
        assertThat(AddressProblem.reason(problems, "DE")).contains("postal code 1234").contains("house number")
                .hasSizeLessThanOrEqualTo(TextInput.MAX_REASON);
    }

    @Test
    void everyExampleFitsItsOwnCountry() {
        Addresses.examples().forEach((country, example) -> assertThat(Addresses.check(address("Hauptstr. 1", null,
                example, "Ort", "X", country), "DHL")).as(country).isEmpty());
        assertThat(Addresses.examples()).containsKeys("DE", "AT", "CH", "ES", "KR", "US", "FR", "IT", "NL", "PL",
                "BE", "BG", "CY", "CZ", "DK", "EE", "FI", "GR", "HR", "HU", "IE", "LT", "LU", "LV", "MT", "PT", "RO",
                "SE", "SI", "SK");
    }
}
