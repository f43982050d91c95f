import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Session reuse after disable: a warehouse user and an admin log in to the back office; then the admin
 * "admin" disables the first and demotes the second, and their old session cookies, with the CSRF token of
 * their last page, are sent again: goods received, an admin API key issued, pages read. Every answer must be
 * a refusal (to the login page, 401 or 403); the caller's table snapshot shows that nothing changed.
 */
final class SessionReuse {

    final String base;
    final String suffix;
    final Map<String, Integer> answers = new TreeMap<>();
    final List<String> served = new ArrayList<>();

    SessionReuse(String base, long seed) {
        this.base = base;
        this.suffix = seed + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** True when every reused request was refused. */
    boolean run(String adminPassword, int attempts) throws Exception {
        Browser admin = new Browser(base).login("admin", adminPassword);
        String picker = "hostile-wh-" + suffix;
        String boss = "hostile-adm-" + suffix;
        admin.get("/admin/users");
        admin.post("/admin/users", "username", picker, "password", "hostile-password-1", "role", "WAREHOUSE", "locale", "en");
        admin.get("/admin/users");
        admin.post("/admin/users", "username", boss, "password", "hostile-password-2", "role", "ADMIN", "locale", "en");
        String users = admin.get("/admin/users").body();

        Browser warehouse = new Browser(base).login(picker, "hostile-password-1");
        warehouse.get("/warehouse/receive?location=BER");
        Browser demoted = new Browser(base).login(boss, "hostile-password-2");
        demoted.get("/admin/api-keys");

        admin.post("/admin/users/" + idOf(users, picker) + "/enabled", "enabled", "false");
        admin.get("/admin/users");
        admin.post("/admin/users/" + idOf(users, boss) + "/role", "role", "AGENT");

        for (int i = 0; i < attempts; i++) {
            judge("POST /warehouse/receive", warehouse.post("/warehouse/receive", "sku", "TSHIRT-BLK-M",
                    "location", "BER", "quantity", "5", "reference", "hostile-" + i));
            judge("POST /admin/api-keys", demoted.post("/admin/api-keys", "name", "hostile-escalation-" + suffix + "-" + i,
                    "role", "ADMIN"));
            judge("GET /warehouse", warehouse.get("/warehouse"));
            judge("GET /admin/users", demoted.get("/admin/users"));
        }
        return served.isEmpty();
    }

    String report() {
        return String.format("Session reuse after disable/demote: answers %s; %s%n", answers,
                served.isEmpty() ? "every request refused." : served.size() + " SERVED, for example: " + served.get(0));
    }

    private void judge(String what, HttpResponse<String> answer) {
        String location = answer.headers().firstValue("Location").orElse("");
        int status = answer.statusCode();
        answers.merge(status + (status == 302 ? " " + location.replaceAll("^https?://[^/]+", "") : ""), 1, Integer::sum);
        boolean refused = status == 401 || status == 403 || (status == 302 && location.endsWith("/login"));
        if (!refused) {
            served.add(what + " -> " + status + " " + location);
        }
    }

    private static String idOf(String usersPage, String username) {
        var m = java.util.regex.Pattern.compile("id=\"user-" + java.util.regex.Pattern.quote(username)
                + "\"[\\s\\S]*?/admin/users/([0-9a-f-]{36})/").matcher(usersPage);
        if (!m.find()) {
            throw new IllegalStateException("User " + username + " was not created");
        }
        return m.group(1);
    }
}

