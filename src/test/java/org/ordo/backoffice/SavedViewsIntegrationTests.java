package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderQuery;
import org.ordo.ordering.OrderStatus;
import org.ordo.platform.Role;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Saved views of the order queue through the real forms: a person saves the filter under a name and sees it with the
 * number of its orders now, in the queue and in the sidebar; renames and deletes it; another person does not see
 * it; an admin shares a view with everyone, which no one else may change.
 */
@IntegrationTest
class SavedViewsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    OrderManagement orders;

    Api api;
    Fixtures fixtures;
    String sku;
    String surname;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 100);
        surname = "Sicht" + Fixtures.unique("v").replaceAll("[^A-Za-z0-9]", "").toLowerCase();
    }

    @Test
    void aSavedViewShowsHowManyOrdersItHoldsNowInTheQueueAndTheSidebar() {
        WebSession agent = agent();
        place();
        place();
        agent.get("/orders?q=" + surname);
        var saved = agent.post("/orders/views", Map.of("name", "Sicht " + surname, "filter", "q=" + surname));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/orders?q=" + surname);
        String queue = agent.follow(saved).body();
        assertThat(queue).contains("“Sicht " + surname + "”");
        assertThat(count(queue, "Sicht " + surname)).isEqualTo("2");
        assertThat(count(agent.get("/orders/views/sidebar").body(), "Sicht " + surname)).isEqualTo("2");

        place();
        assertThat(count(agent.get("/orders/views/sidebar").body(), "Sicht " + surname)).as("live").isEqualTo("3");
        // the view opens the filter it was saved with
        assertThat(agent.get("/orders?q=" + surname).body()).contains("class=\"view-chip active\"");
    }

    @Test
    void viewsArePersonalUnlessAnAdminSharesThemAndOnlyAnAdminChangesASharedOne() {
        WebSession first = agent();
        WebSession second = agent();
        WebSession admin = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        place();
        first.get("/orders");
        first.follow(first.post("/orders/views", Map.of("name", "Mine " + surname, "filter", "q=" + surname)));
        assertThat(second.get("/orders").body()).doesNotContain("Mine " + surname);

        // an agent cannot share
        first.get("/orders");
        var refused = first.follow(first.post("/orders/views", Map.of("name", "Everyone " + surname, "filter",
                "q=" + surname, "shared", "true")));
        assertThat(refused.body()).contains("Only an admin shares a view with everyone.");
        assertThat(second.get("/orders").body()).doesNotContain("Everyone " + surname);

        admin.get("/orders");
        admin.follow(admin.post("/orders/views", Map.of("name", "Shared " + surname, "filter",
                "status=OPEN&q=" + surname, "shared", "true")));
        String seen = second.get("/orders").body();
        assertThat(count(seen, "Shared " + surname)).isEqualTo("1");
        UUID shared = idOf(seen, "Shared " + surname);

        // the second agent neither renames nor deletes the shared view nor the first agent's
        UUID mine = idOf(first.get("/orders").body(), "Mine " + surname);
        for (UUID id : List.of(shared, mine)) {
            second.get("/orders");
            assertThat(second.follow(second.post("/orders/views/" + id + "/rename", Map.of("name", "Taken")))
                    .body()).contains("is not yours to change");
            second.get("/orders");
            second.post("/orders/views/" + id + "/delete", Map.of());
        }
        assertThat(first.get("/orders").body()).contains("Mine " + surname, "Shared " + surname)
                .doesNotContain(">Taken<");

        admin.get("/orders");
        admin.post("/orders/views/" + shared + "/delete", Map.of());
        assertThat(first.get("/orders").body()).doesNotContain("Shared " + surname);
    }

    @Test
    void aViewIsRenamedAndDeletedAndABadOrTakenNameChangesNothing() {
        WebSession agent = agent();
        agent.get("/orders");
        agent.follow(agent.post("/orders/views", Map.of("name", "Web " + surname, "filter", "channel=web&q="
                + surname)));
        agent.follow(agent.post("/orders/views", Map.of("name", "Api " + surname, "filter", "channel=api&q="
                + surname)));
        UUID web = idOf(agent.get("/orders").body(), "Web " + surname);

        agent.get("/orders");
        assertThat(agent.follow(agent.post("/orders/views/" + web + "/rename", Map.of("name", "API " + surname)))
                .body()).contains("A view named “API " + surname + "” exists already.");
        agent.get("/orders");
        assertThat(agent.follow(agent.post("/orders/views", Map.of("name", "  ", "filter", ""))).body())
                .contains("Name: must be 1 to 60 characters");
        agent.get("/orders");
        assertThat(agent.follow(agent.post("/orders/views", Map.of("name", "x".repeat(61), "filter", ""))).body())
                .contains("Name: must be 1 to 60 characters");

        agent.get("/orders");
        agent.follow(agent.post("/orders/views/" + web + "/rename", Map.of("name", "Web shop " + surname)));
        String page = agent.get("/orders").body();
        assertThat(page).contains("Web shop " + surname).doesNotContain("Web " + surname + "<");
        // what the queue does not understand is not kept
        agent.get("/orders");
        agent.follow(agent.post("/orders/views", Map.of("name", "Odd " + surname, "filter", "?q=" + surname
                + "&evil=%3Cscript%3E&after=abc")));
        String odd = agent.get("/orders").body();
        assertThat(odd).contains("href=\"/orders?q=" + surname + "\"").doesNotContain("evil");

        agent.get("/orders");
        assertThat(agent.follow(agent.post("/orders/views/" + web + "/delete", Map.of())).body())
                .contains("View deleted.").doesNotContain("Web shop " + surname);
        agent.get("/orders");
        assertThat(agent.follow(agent.post("/orders/views/not-a-uuid/delete", Map.of())).body())
                .contains("is not yours to change");
    }

    @Test
    void severalViewsAreCountedInOneCallAsEachWouldBeListed() {
        place();
        String cancelled = place();
        expect(api.post("/api/v1/orders/" + cancelled + "/cancel", Map.of("reason", "test")), 200);
        var toDo = new OrderQuery(null, null, null, null, null, null, null, surname, null, null, 50, true);
        var all = new OrderQuery(null, null, null, null, null, null, null, surname, null, null, 50, false);
        var gone = new OrderQuery(List.of(OrderStatus.CANCELLED), null, null, null, null, null, null, surname, null,
                null, 50, false);
        assertThat(orders.count(List.of(toDo, all, gone))).containsExactly(1L, 2L, 1L);
        assertThat(orders.count(List.of())).isEmpty();
    }

    private WebSession agent() {
        String name = ("agent" + Fixtures.unique("v")).toLowerCase().replaceAll("[^a-z0-9]", "");
        name = name.substring(0, Math.min(name.length(), 40));
        users.create(name, "views-password-1", Role.AGENT, "en", "test");
        return WebSession.login(port, name, "views-password-1");
    }

    /** Places an unpaid order of the customer {@code surname}; its id. */
    private String place() {
        Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", sku, 1));
        order.put("customer", Map.of("email", Fixtures.unique("v").toLowerCase() + "@example.com", "name",
                "Erika " + surname, "locale", "en"));
        return expect(api.placeOrder(order), 201).json().path("id").asString();
    }

    /** The count shown beside a view's name (the queue's chips or the sidebar's list). */
    private static String count(String page, String name) {
        Matcher m = Pattern.compile("<span class=\"view-name\">" + Pattern.quote(name)
                + "</span>\\s*<span class=\"count\"[^>]*>([^<]*)</span>").matcher(page);
        assertThat(m.find()).as("view %s in %s", name, page).isTrue();
        return m.group(1).strip();
    }

    private static UUID idOf(String page, String name) {
        Matcher m = Pattern.compile("id=\"view-([0-9a-f-]{36})\"[^>]*>\\s*<span class=\"view-name\">"
                + Pattern.quote(name) + "</span>").matcher(page);
        assertThat(m.find()).as("view %s", name).isTrue();
        return UUID.fromString(m.group(1));
    }
}
