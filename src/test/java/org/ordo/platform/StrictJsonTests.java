package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ordo.platform.web.Problems;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The one strict configuration for request bodies: values taken as written or refused, naming where. */
class StrictJsonTests {

    record Line(String sku, Long quantity) {
    }

    record Request(String name, @MultiLine String note, Boolean active, List<Line> lines, Map<String, String> names,
            LocalDate day, Instant at) {
    }

    private final Json json = new Json(JsonMapper.builder().build());

    private Request read(String body) {
        return json.readRequest(body.replace('\'', '"').getBytes(StandardCharsets.UTF_8), Request.class);
    }

    private String refusal(String body) {
        try {
            read(body);
        } catch (JacksonException e) {
            return Problems.pointer(e) + " " + Problems.message(e);
        }
        throw new AssertionError("accepted: " + body);
    }

    @Test
    void takesValuesAsWritten() {
        Request r = read("{'name':'Erika','note':'two\\r\\nlines\\tand a tab','active':true,"
                + "'lines':[{'sku':'A-1','quantity':2}],'names':{'en':'Shirt'},'day':'2026-02-28',"
                + "'at':'2026-11-25T10:00:00+01:00'}");
        assertThat(r.note()).isEqualTo("two\r\nlines\tand a tab");
        assertThat(r.lines().get(0).quantity()).isEqualTo(2L);
        assertThat(r.at()).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(r.day()).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void refusesCoercedScalars() {
        assertThat(refusal("{'lines':[{'sku':'A','quantity':1.5}]}")).startsWith("/lines/0/quantity must be a whole");
        assertThat(refusal("{'lines':[{'sku':'A','quantity':'2'}]}")).startsWith("/lines/0/quantity must be a whole");
        assertThat(refusal("{'lines':[{'sku':'A','quantity':1e2}]}")).startsWith("/lines/0/quantity must be a whole");
        assertThat(refusal("{'lines':[{'sku':12345,'quantity':1}]}")).isEqualTo("/lines/0/sku must be a string");
        assertThat(refusal("{'names':{'en':true}}")).isEqualTo("/names/en must be a string");
        assertThat(refusal("{'active':1}")).isEqualTo("/active must be true or false");
        assertThat(refusal("{'active':'true'}")).isEqualTo("/active must be true or false");
        assertThat(refusal("{'name':false}")).isEqualTo("/name must be a string");
        assertThat(refusal("{'lines':{'sku':'A'}}")).startsWith("/lines ");
    }

    @Test
    void refusesDuplicateKeysNullElementsAndUnknownProperties() {
        assertThat(refusal("{'name':'a','name':'b'}")).isEqualTo("/name is given twice: each key may appear once");
        assertThat(refusal("{'lines':[{'sku':'A','quantity':1,'quantity':2}]}"))
                .startsWith("/lines/0/quantity is given twice");
        assertThat(refusal("{'lines':[null]}")).isEqualTo("/lines/0 must not be null");
        assertThat(refusal("{'names':{'en':null}}")).isEqualTo("/names/en must not be null");
        assertThat(refusal("{'colour':'red'}")).isEqualTo("/colour is not a known field");
        assertThat(refusal("{'name':'a'} {}")).startsWith(" ");
    }

    @Test
    void refusesControlCharactersAndLoneSurrogates() {
        assertThat(refusal("{'name':'a\\u0000b'}")).isEqualTo("/name must not contain the character U+0000");
        assertThat(refusal("{'name':'a\\ud800b'}")).startsWith("/name must be valid Unicode");
        assertThat(refusal("{'name':'a\\udc00'}")).startsWith("/name must be valid Unicode");
        assertThat(refusal("{'name':'a\\nb'}")).isEqualTo("/name must be a single line, without line breaks");
        assertThat(refusal("{'note':'a\\u0007b'}")).startsWith("/note must not contain control characters");
        assertThat(refusal("{'note':'a\\u0085b'}")).startsWith("/note must not contain control characters");
        assertThat(refusal("{'names':{'en':'a\\rb'}}")).startsWith("/names/en must be a single line");
        assertThat(read("{'name':'Gr\\u00fc\\u00df \\ud83d\\ude00'}").name()).isEqualTo("Grüß 😀");
    }

    @Test
    void refusesImpossibleDatesAndTimestampsOutsideTheWindow() {
        assertThat(refusal("{'day':'2026-02-30'}")).startsWith("/day must be a real calendar date");
        assertThat(refusal("{'day':'2026-13-45'}")).startsWith("/day must be a real calendar date");
        assertThat(refusal("{'day':'+99999-01-01'}")).startsWith("/day must lie in the years 2000 to 2100");
        assertThat(refusal("{'day':'1999-12-31'}")).startsWith("/day must lie in the years 2000 to 2100");
        assertThat(refusal("{'day':20261125}")).startsWith("/day must be a date written as a string");
        assertThat(refusal("{'at':'0000-01-01T00:00:00Z'}")).startsWith("/at must lie in the years");
        assertThat(refusal("{'at':'+99999-01-01T00:00:00Z'}")).startsWith("/at must lie in the years");
        assertThat(refusal("{'at':'2026-02-30T00:00:00Z'}")).startsWith("/at must be a real moment");
        assertThat(refusal("{'at':'2026-11-25T10:00:00'}")).startsWith("/at must be a real moment");
        assertThat(refusal("{'at':1764064800}")).startsWith("/at must be a timestamp written as a string");
    }

    @Test
    void fieldPathsBecomeJsonPointers() {
        assertThat(Problems.pointer("lines[0].quantity")).isEqualTo("/lines/0/quantity");
        assertThat(Problems.pointer("name.en")).isEqualTo("/name/en");
        assertThat(Problems.pointer("customer.addresses[12].city")).isEqualTo("/customer/addresses/12/city");
        assertThat(Problems.pointer("currency")).isEqualTo("/currency");
        assertThat(Problems.pointer("Idempotency-Key")).isNull();
        assertThat(Problems.pointer("body")).isEmpty();
        assertThat(Problems.pointer("")).isNull();
    }

    @Test
    void theApplicationMapperStaysAsItWas() {
        assertThatThrownBy(() -> read("{'name':'a','name':'b'}")).isInstanceOf(JacksonException.class);
        assertThat(json.read("{\"name\":\"line\\nbreak\"}", Request.class).name()).isEqualTo("line\nbreak");
    }
}
