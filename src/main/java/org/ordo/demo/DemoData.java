package org.ordo.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.ordo.catalog.ArticleDraft;
import org.ordo.catalog.ArticleType;
import org.ordo.catalog.Catalog;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.LocationDraft;
import org.ordo.inventory.Receipt;
import org.ordo.party.CustomerDraft;
import org.ordo.party.CustomerType;
import org.ordo.party.PartyManagement;
import org.ordo.party.SupplierDraft;
import org.ordo.platform.Address;
import org.ordo.platform.MoneyInput;
import org.ordo.platform.OrdoProperties;
import org.ordo.platform.database.DatabaseServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

@Component
@ConditionalOnProperty(name = "ordo.mode", havingValue = "server", matchIfMissing = true)
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final OrdoProperties properties;
    private final DatabaseServer database;
    private final Catalog catalog;
    private final InventoryManagement inventory;
    private final PartyManagement parties;
    private final DemoReturns returns;
    private final DemoHistory history;
    private final DataSource dataSource;

    DemoData(OrdoProperties properties, DatabaseServer database, Catalog catalog, InventoryManagement inventory,
            PartyManagement parties, DemoReturns returns, DemoHistory history, DataSource dataSource) {
        this.dataSource = dataSource;
        this.returns = returns;
        this.history = history;
        this.properties = properties;
        this.database = database;
        this.catalog = catalog;
        this.inventory = inventory;
        this.parties = parties;
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        boolean wanted = properties.demoData() != null ? properties.demoData() : database.isEmbedded();
        if (!wanted) {
            return;
        }
        // Nodes started together on an empty database would each find it empty and load the demo twice (the later
        // one failing on the location codes): one node loads while it holds a session lock; the others wait for
        // it and then find the data there. The load runs in many transactions, hence a session lock on a
        // connection of its own rather than a transaction's lock.
        try (Connection connection = dataSource.getConnection(); Statement lock = connection.createStatement()) {
            connection.setAutoCommit(true);
            lock.execute("SELECT pg_advisory_lock(hashtext('ordo.demo-data'))");
            try {
                if (inventory.locations().isEmpty() && catalog.list(null, null, null, null, 1).isEmpty()) {
                    load();
                }
            } finally {
                lock.execute("SELECT pg_advisory_unlock(hashtext('ordo.demo-data'))");
            }
        }
    }

    private void load() {
        long started = System.nanoTime();
        long cpuBefore = processCpuNanos();
        long transactionsBefore = transactions();
        locations();
        List<String> physical = articles();
        suppliers();
        List<CustomerDraft> customers = customers();
        stock(physical);
        DemoHistory.Played history = this.history.play(customers, List.of("BER", "HAM", "MAD"));
        // Stock of their own in Berlin for the orders that come back, so that they ship from there.
        List<String> returned = List.of("MUG-CLASSIC", "HOODIE-L", "BOTTLE-STEEL");
        returned.forEach(sku -> inventory.receive(new Receipt(sku, "BER", 6L, "PO-DEMO-RETURNS", "demo stock")));
        int returns = this.returns.load(customers.subList(3, 6), returned);
        // the figures bench/startup.sh prints for the first start: wall time, the JVM's CPU time (all threads,
        // the listeners that react to the demo's events included) and the database transactions it took
        log.info("Loaded demo data: 3 locations, {} articles, {} customers, {} days with {} orders and {} shipments,"
                + " {} returns in {} ms (JVM CPU {} ms, {} database transactions)",
                catalog.list(null, null, null, null, 500).size(), customers.size(), DemoHistory.DAYS,
                history.placed(), history.shipped(), returns, (System.nanoTime() - started) / 1_000_000,
                (processCpuNanos() - cpuBefore) / 1_000_000, transactions() - transactionsBefore);
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    /** Committed transactions of this database so far (PostgreSQL's statistics, a little behind). */
    private long transactions() {
        try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
                var rs = query.executeQuery("SELECT pg_stat_clear_snapshot(), xact_commit FROM pg_stat_database"
                        + " WHERE datname = current_database()")) {
            return rs.next() ? rs.getLong(2) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    private void locations() {
        inventory.registerLocation(new LocationDraft("BER", "Berlin", 1,
                new Address("Ordo Lager Berlin", null, "Lagerstr. 1", null, "10115", "Berlin", null, "DE", null), true));
        inventory.registerLocation(new LocationDraft("HAM", "Hamburg", 2,
                new Address("Ordo Lager Hamburg", null, "Hafenweg 7", null, "20457", "Hamburg", null, "DE", null), true));
        inventory.registerLocation(new LocationDraft("MAD", "Madrid", 3,
                new Address("Ordo Almacén Madrid", null, "Calle de Alcalá 100", null, "28009", "Madrid", null, "ES",
                        null), true));
    }

    /** Registers the articles; returns the physical SKUs. */
    private List<String> articles() {
        List<String> physical = new ArrayList<>();
        String[][] colors = {{"BLK", "Schwarz", "Black", "Negro", "검정"}, {"WHT", "Weiß", "White", "Blanco", "흰색"},
                {"NVY", "Marine", "Navy", "Azul marino", "네이비"}};
        String[] sizes = {"S", "M", "L", "XL"};
        for (String[] c : colors) {
            for (String size : sizes) {
                String sku = "TSHIRT-" + c[0] + "-" + size;
                register(sku, ArticleType.PHYSICAL, names("T-Shirt " + c[1] + " " + size, "T-shirt " + c[2] + " " + size,
                        "Camiseta " + c[3] + " " + size, "티셔츠 " + c[4] + " " + size), "19.99", "EUR", "19", true, 220,
                        false);
                physical.add(sku);
            }
        }
        String[][] mugs = {{"MUG-CLASSIC", "Tasse Klassik", "Classic mug", "Taza clásica", "클래식 머그", "12.50"},
                {"MUG-TRAVEL", "Thermobecher", "Travel mug", "Taza de viaje", "여행용 머그", "24.90"},
                {"MUG-ESPRESSO", "Espressotasse", "Espresso cup", "Taza de espresso", "에스프레소 컵", "8.90"}};
        for (String[] m : mugs) {
            register(m[0], ArticleType.PHYSICAL, names(m[1], m[2], m[3], m[4]), m[5], "EUR", "19", true, 350, false);
            physical.add(m[0]);
        }
        String[][] books = {{"BOOK-LOGISTICS", "Logistik kompakt", "Logistics in brief", "Logística breve", "물류 개론", "29.00"},
                {"BOOK-RETAIL", "Handel heute", "Retail today", "Comercio hoy", "오늘의 소매", "24.00"},
                {"BOOK-COFFEE", "Kaffeewissen", "Coffee know-how", "Saber del café", "커피 지식", "19.00"},
                {"BOOK-KIDS", "Das kleine Lager", "The little warehouse", "El pequeño almacén", "작은 창고", "14.00"}};
        for (String[] b : books) {
            register(b[0], ArticleType.PHYSICAL, names(b[1], b[2], b[3], b[4]), b[5], "EUR", "7", true, 480, true);
            physical.add(b[0]);
        }
        String[][] gear = {{"BAG-TOTE", "Stoffbeutel", "Tote bag", "Bolsa de tela", "에코백", "9.90", "120"},
                {"BAG-BACKPACK", "Rucksack", "Backpack", "Mochila", "백팩", "59.00", "900"},
                {"CAP-BLK", "Kappe schwarz", "Black cap", "Gorra negra", "검정 모자", "17.50", "110"},
                {"SOCKS-3PK", "Socken 3er-Pack", "Socks 3-pack", "Calcetines pack de 3", "양말 3켤레", "12.00", "150"},
                {"HOODIE-M", "Kapuzenpulli M", "Hoodie M", "Sudadera M", "후드티 M", "49.00", "600"},
                {"HOODIE-L", "Kapuzenpulli L", "Hoodie L", "Sudadera L", "후드티 L", "49.00", "650"},
                {"SCARF-WOOL", "Wollschal", "Wool scarf", "Bufanda de lana", "울 목도리", "34.00", "200"},
                {"BOTTLE-STEEL", "Trinkflasche", "Steel bottle", "Botella de acero", "스틸 물병", "21.00", "300"},
                {"NOTEBOOK-A5", "Notizbuch A5", "A5 notebook", "Cuaderno A5", "A5 노트", "7.50", "250"},
                {"PEN-SET", "Stifteset", "Pen set", "Set de bolígrafos", "펜 세트", "11.90", "90"},
                {"LAMP-DESK", "Schreibtischlampe", "Desk lamp", "Lámpara de escritorio", "책상 램프", "44.00", "1300"},
                {"CHAIR-FOLD", "Klappstuhl", "Folding chair", "Silla plegable", "접이식 의자", "39.00", "3500"},
                {"UMBRELLA", "Regenschirm", "Umbrella", "Paraguas", "우산", "16.00", "400"},
                {"POSTER-MAP", "Poster Weltkarte", "World map poster", "Póster mapamundi", "세계지도 포스터", "15.00", "200"},
                {"PUZZLE-1000", "Puzzle 1000 Teile", "1000-piece puzzle", "Puzle de 1000 piezas", "1000피스 퍼즐", "18.00", "700"}};
        for (String[] g : gear) {
            register(g[0], ArticleType.PHYSICAL, names(g[1], g[2], g[3], g[4]), g[5], "EUR", "19", true,
                    Integer.parseInt(g[6]), g[0].startsWith("CHAIR"));
            physical.add(g[0]);
        }
        String[][] kr = {{"KR-TEA-GREEN", "Grüner Tee (Korea)", "Korean green tea", "Té verde coreano", "녹차", "15000"},
                {"KR-SNACK-BOX", "Snackbox Seoul", "Seoul snack box", "Caja de snacks de Seúl", "서울 과자 상자", "32000"},
                {"KR-FAN", "Handfächer", "Hand fan", "Abanico", "부채", "8000"}};
        for (String[] k : kr) {
            register(k[0], ArticleType.PHYSICAL, names(k[1], k[2], k[3], k[4]), k[5], "KRW", "10", true, 200, false);
            physical.add(k[0]);
        }
        String[][] digital = {{"EBOOK-LOGISTICS", "E-Book Logistik kompakt", "E-book Logistics in brief",
                "E-book Logística breve", "전자책 물류 개론", "19.00", "7"},
                {"EBOOK-RETAIL", "E-Book Handel heute", "E-book Retail today", "E-book Comercio hoy", "전자책 오늘의 소매", "16.00", "7"},
                {"EBOOK-COFFEE", "E-Book Kaffeewissen", "E-book Coffee know-how", "E-book Saber del café", "전자책 커피 지식", "12.00", "7"},
                {"SW-INVENTORY-1Y", "Lagersoftware 1 Jahr", "Inventory app, 1 year", "App de inventario, 1 año", "재고 앱 1년", "99.00", "19"},
                {"SW-INVENTORY-LIFE", "Lagersoftware dauerhaft", "Inventory app, lifetime", "App de inventario, de por vida", "재고 앱 평생", "249.00", "19"},
                {"GIFT-25", "Geschenkgutschein 25 €", "Gift card €25", "Tarjeta regalo 25 €", "기프트 카드 25유로", "25.00", "0"},
                {"GIFT-50", "Geschenkgutschein 50 €", "Gift card €50", "Tarjeta regalo 50 €", "기프트 카드 50유로", "50.00", "0"},
                {"COURSE-PACKING", "Videokurs Verpacken", "Video course: packing", "Curso en vídeo: embalaje", "포장 동영상 강좌", "39.00", "19"},
                {"FONT-PACK", "Schriften-Paket", "Font pack", "Paquete de fuentes", "글꼴 팩", "29.00", "19"},
                {"MUSIC-ALBUM", "Album (MP3)", "Album (MP3)", "Álbum (MP3)", "앨범 (MP3)", "9.99", "19"}};
        for (String[] d : digital) {
            register(d[0], ArticleType.DIGITAL, names(d[1], d[2], d[3], d[4]), d[5], "EUR", d[6], true, null, false);
        }
        return physical;
    }

    private void register(String sku, ArticleType type, Map<String, String> name, String price, String currency,
            String taxRate, boolean gross, Integer weight, boolean backorderable) {
        catalog.register(new ArticleDraft(sku, type, name, new MoneyInput(price, currency), taxRate, gross, weight,
                backorderable, true, null, null));
    }

    private static Map<String, String> names(String de, String en, String es, String ko) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("de", de);
        names.put("en", en);
        names.put("es", es);
        names.put("ko", ko);
        return names;
    }

    private void suppliers() {
        parties.registerSupplier(new SupplierDraft("TEXTIL", "Textilwerk Nord GmbH", "orders@textilwerk.example",
                "+4940123456", new Address("Textilwerk Nord GmbH", null, "Industriestr. 5", null, "22525", "Hamburg",
                        null, "DE", null), 5, "EUR", "de"));
        parties.registerSupplier(new SupplierDraft("CERAMICA", "Cerámica Levante S.L.", "pedidos@ceramica.example",
                "+34961234567", new Address("Cerámica Levante S.L.", null, "Avenida del Puerto 12", null, "46021",
                        "Valencia", null, "ES", null), 10, "EUR", "es"));
        parties.registerSupplier(new SupplierDraft("SEOULGOODS", "Seoul Goods Co.", "sales@seoulgoods.example",
                "+8221234567", new Address("Seoul Goods Co.", null, "Sejong-daero 110", null, "04524", "Seoul", null,
                        "KR", null), 14, "KRW", "ko"));
    }

    private List<CustomerDraft> customers() {
        List<CustomerDraft> list = List.of(
                customer("erika.mustermann@example.com", "Erika Mustermann", "de", "Hauptstr. 1", "10115", "Berlin", "DE"),
                customer("max.weber@example.com", "Max Weber", "de", "Marktplatz 3", "80331", "München", "DE"),
                customer("jane.doe@example.com", "Jane Doe", "en", "221B Baker Street", "NW1 6XE", "London", "GB"),
                customer("john.smith@example.com", "John Smith", "en", "5 Main Street", "D02 X285", "Dublin", "IE"),
                customer("lucia.garcia@example.com", "Lucía García", "es", "Calle Mayor 10", "28013", "Madrid", "ES"),
                customer("carlos.lopez@example.com", "Carlos López", "es", "Passeig de Gràcia 21", "08007", "Barcelona", "ES"),
                customer("minji.kim@example.com", "김민지", "ko", "세종대로 110", "04524", "서울", "KR"),
                customer("jiho.park@example.com", "박지호", "ko", "해운대로 264", "48094", "부산", "KR"),
                customer("jonas.becker@example.com", "Jonas Becker", "de", "Königsallee 12", "40212", "Düsseldorf", "DE"),
                customer("anna.huber@example.com", "Anna Huber", "de", "Mariahilfer Str. 8", "1060", "Wien", "AT"),
                customer("emily.clark@example.com", "Emily Clark", "en", "12 High Street", "EH1 1SR", "Edinburgh", "GB"),
                customer("sofia.martin@example.com", "Sofía Martín", "es", "Calle Larios 5", "29005", "Málaga", "ES"),
                customer("seoyeon.lee@example.com", "이서연", "ko", "테헤란로 152", "06236", "서울", "KR"),
                new CustomerDraft("einkauf@buero-schmidt.example", "Petra Schmidt", "+4930555123", "de",
                        CustomerType.BUSINESS, "Büro Schmidt GmbH", "DE123456789", true,
                        List.of(new Address("Büro Schmidt GmbH", "Büro Schmidt GmbH", "Friedrichstr. 50", null,
                                "10117", "Berlin", null, "DE", "+4930555123")), true, "5000.00", true));
        list.forEach(parties::registerCustomer);
        return list;
    }

    private static CustomerDraft customer(String email, String name, String locale, String street, String zip,
            String city, String country) {
        return new CustomerDraft(email, name, null, locale, CustomerType.CONSUMER, null, null, false,
                List.of(new Address(name, null, street, null, zip, city, null, country, null)), false, null, false);
    }

    private void stock(List<String> physical) {
        String[] locations = {"BER", "HAM", "MAD"};
        for (int i = 0; i < physical.size(); i++) {
            String sku = physical.get(i);
            for (int l = 0; l < locations.length; l++) {
                // enough for sixty days of orders, except a few articles that run low (the dashboard's list)
                // each article in two of the three warehouses, so that orders ship from all of them and some split
                long quantity = (i + l) % 3 == 0 ? 0 : 35 + (i * 7L + l * 13L) % 40;
                if (sku.startsWith("BOOK-KIDS") || sku.startsWith("CHAIR")) {
                    quantity = l == 0 ? 2 : 0;
                } else if (sku.equals("SCARF-WOOL") || sku.equals("LAMP-DESK") || sku.equals("HOODIE-M")) {
                    quantity = l == 0 ? 12 : 0;
                }
                if (quantity > 0) {
                    inventory.receive(new Receipt(sku, locations[l], quantity, "PO-DEMO-" + (1000 + i), "demo stock"));
                }
            }
        }
    }
}
