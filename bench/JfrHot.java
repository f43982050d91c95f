import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JVM's CPU went, from a Java Flight Recorder file's execution samples (JDK only, runs as a single file):
 * the share of samples by thread, by kind of work (a sample counts for a kind when any frame of its stack belongs
 * to it, so the kinds overlap), by Ordo method on the stack, and by the method on top of the stack.
 *   java bench/JfrHot.java recording.jfr [TOP]
 */
public class JfrHot {

    /** Kinds of work, each recognised by the start of a frame's class name (first match in this order wins). */
    private static final Map<String, List<String>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("reading the jar (class and resource loading)", List.of("org.springframework.boot.loader.",
                "jdk.internal.loader.", "java.lang.ClassLoader", "java.net.URLClassLoader", "java.util.ResourceBundle"));
        KINDS.put("EDI parsing (StAEDI)", List.of("io.xlate."));
        KINDS.put("JSON (Jackson)", List.of("tools.jackson.", "com.fasterxml.jackson."));
        KINDS.put("PostgreSQL JDBC driver", List.of("org.postgresql."));
        KINDS.put("connection pool (Hikari)", List.of("com.zaxxer.hikari."));
        KINDS.put("Spring JDBC (JdbcClient, row mapping)", List.of("org.springframework.jdbc."));
        KINDS.put("Spring transactions", List.of("org.springframework.transaction."));
        KINDS.put("event publication registry (Modulith)", List.of("org.springframework.modulith."));
        KINDS.put("logging", List.of("ch.qos.logback.", "org.slf4j.", "org.apache.logging."));
        KINDS.put("PDF", List.of("org.apache.pdfbox.", "com.openhtmltopdf.", "org.apache.fontbox."));
        KINDS.put("templates (Thymeleaf)", List.of("org.thymeleaf."));
        KINDS.put("text formatting (java.text, String.format)", List.of("java.text.", "java.util.Formatter"));
        KINDS.put("regular expressions", List.of("java.util.regex."));
        KINDS.put("BigDecimal", List.of("java.math."));
        KINDS.put("HTTP server (Tomcat)", List.of("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat."));
        KINDS.put("security (Spring Security)", List.of("org.springframework.security."));
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java bench/JfrHot.java recording.jfr [TOP]");
            System.exit(2);
        }
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> kinds = new HashMap<>();
        Map<String, Integer> ordo = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> innermostKind = new HashMap<>();
        Map<String, Integer> selfOrdo = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
            threads.merge(thread == null ? "?" : thread.replaceAll("-?\\d+$", "-N"), 1, Integer::sum);
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            innermostKind.merge(innermostKind(frames), 1, Integer::sum);
            Set<String> seenKinds = new HashSet<>();
            Set<String> seenOrdo = new HashSet<>();
            boolean firstOrdo = true;
            for (RecordedFrame frame : frames) {
                if (!frame.isJavaFrame()) {
                    continue;
                }
                String type = frame.getMethod().getType().getName();
                for (Map.Entry<String, List<String>> kind : KINDS.entrySet()) {
                    if (kind.getValue().stream().anyMatch(type::startsWith)) {
                        seenKinds.add(kind.getKey());
                        break;
                    }
                }
                if (type.startsWith("org.ordo.")) {
                    String method = name(frame);
                    seenOrdo.add(method);
                    if (firstOrdo) {
                        selfOrdo.merge(method, 1, Integer::sum);
                        firstOrdo = false;
                    }
                }
            }
            if (stack.isTruncated()) {
                seenKinds.add("(stack truncated)");
            }
            seenKinds.forEach(k -> kinds.merge(k, 1, Integer::sum));
            seenOrdo.forEach(m -> ordo.merge(m, 1, Integer::sum));
        }
        System.out.println(samples + " execution samples");
        print("by thread", threads, samples, top);
        print("by kind of work, the innermost on the stack (sums to 100 %)", innermostKind, samples, top);
        print("by kind of work anywhere on the stack (inclusive; kinds overlap)", kinds, samples, top);
        print("by Ordo method anywhere on the stack (inclusive)", ordo, samples, top);
        print("by the innermost Ordo method on the stack (what Ordo code asked for the work)", selfOrdo, samples, top);
        print("by method on top of the stack (self)", self, samples, top);
    }

    /**
     * The kind of the frame nearest the top of the stack that belongs to a kind, or to Ordo's own code (with the
     * JDK methods it calls directly); what runs below neither is "other".
     */
    private static String innermostKind(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            if (!frame.isJavaFrame()) {
                continue;
            }
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> kind : KINDS.entrySet()) {
                if (kind.getValue().stream().anyMatch(type::startsWith)) {
                    return kind.getKey();
                }
            }
            if (type.startsWith("org.ordo.")) {
                return "Ordo's own code (and the JDK methods it calls)";
            }
            if (type.startsWith("org.springframework.")) {
                return "other Spring (AOP proxies, events, beans)";
            }
        }
        return "other";
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName() + "  ("
                + type.substring(0, Math.max(0, type.lastIndexOf('.'))) + ")";
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println();
        System.out.println(title + ":");
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        for (Map.Entry<String, Integer> e : sorted.subList(0, Math.min(top, sorted.size()))) {
            System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / samples, e.getKey());
        }
    }
}
