package org.ordo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module and event tables of docs/modules.md come from the code, through the same model Spring Modulith's
 * {@link Documenter} draws from; this test fails when the committed page no longer matches the code
 * ({@code -Dordo.docs.write=true} rewrites it). The Documenter's own output (PlantUML diagrams of all modules and
 * of each) goes to {@code target/spring-modulith-docs}.
 */
class ModuleDocumentationTests {

    static final Path PAGE = Path.of("docs/modules.md");

    private static final ApplicationModules modules = ApplicationModules.of(Ordo.class);

    @Test
    void writesTheDiagramsOfEveryModule() {
        // Not the module canvases: their reader of the Javadoc metadata fails on Boot 4 (it falls back to Boot's
        // BasicJsonParser, which cannot read the comments with currency signs); the tables below say the same.
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        assertThat(Path.of("target/spring-modulith-docs/components.puml")).exists();
    }

    @Test
    void theCommittedModulePageMatchesTheCode() throws IOException {
        String generated = page();
        if (Boolean.getBoolean("ordo.docs.write")) {
            Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "")
                .as("docs/modules.md is out of date; run ModuleDocumentationTests with -Dordo.docs.write=true")
                .isEqualTo(generated);
    }

    String page() {
        List<ApplicationModule> all = modules.stream().sorted(Comparator.comparing(ApplicationModule::getName)).toList();
        Map<String, TreeSet<String>> listeners = new TreeMap<>();
        Map<ApplicationModule, Map<String, TreeSet<String>>> published = new LinkedHashMap<>();
        for (ApplicationModule module : all) {
            module.getEventsListenedTo(modules).forEach(event ->
                    listeners.computeIfAbsent(event.getSimpleName(), e -> new TreeSet<>()).add(module.getName()));
        }
        for (ApplicationModule module : all) {
            published.put(module, publishedBy(module, listeners.keySet()));
        }
        StringBuilder page = new StringBuilder("""
                # Modules and events

                Generated from the code by `ModuleDocumentationTests` (Spring Modulith's application module model, the one
                its `Documenter` draws from); the test fails when this page no longer matches the code, and
                `-Dordo.docs.write=true` rewrites it. The Documenter's PlantUML diagrams (all modules, and each with its
                neighbours) are written to `target/spring-modulith-docs` by the same test. What each module owns and why
                the boundaries are where they are: [design.md](design.md#modules) and [architecture.md](architecture.md).

                ## Modules

                | module | package | depends on | publishes | listens to |
                | --- | --- | --- | --- | --- |
                """);
        for (ApplicationModule module : all) {
            page.append("| `").append(module.getName()).append("` | `").append(module.getBasePackage().getName())
                    .append("` | ").append(list(module.getDirectDependencies(modules).uniqueModules()
                            .map(ApplicationModule::getName).toList()))
                    .append(" | ").append(list(List.copyOf(published.get(module).keySet())))
                    .append(" | ").append(list(module.getEventsListenedTo(modules).stream()
                            .map(event -> event.getSimpleName()).toList()))
                    .append(" |\n");
        }
        page.append("""

                ## Events

                Each event is published inside the transaction of its change (the event publication registry keeps it
                until every listener has handled it) and handled after commit, in the listener's own transaction.
                "Published in" names the methods that publish it.

                | event | published by | published in | listened to by |
                | --- | --- | --- | --- |
                """);
        published.forEach((module, events) -> events.forEach((event, sources) ->
                page.append("| `").append(event).append("` | `").append(module.getName()).append("` | ")
                        .append(list(List.copyOf(sources))).append(" | ")
                        .append(list(List.copyOf(listeners.getOrDefault(event, new TreeSet<>())))).append(" |\n")));
        return page.toString();
    }

    /**
     * The events a module publishes, with the methods that publish them: records of the module that a method calling
     * {@link ApplicationEventPublisher#publishEvent} constructs, either on the line of that call (Ordo writes
     * {@code events.publishEvent(new OrderPlaced(...))}) or, for a call spread over several lines, when some module
     * listens to that record. Modulith's own {@code getPublishedEvents()} finds only jMolecules domain events.
     */
    private static Map<String, TreeSet<String>> publishedBy(ApplicationModule module, Set<String> listenedTo) {
        Map<String, TreeSet<String>> events = new TreeMap<>();
        module.getBasePackage().stream().forEach(type -> type.getCodeUnits().forEach(unit -> {
            Set<Integer> lines = unit.getMethodCallsFromSelf().stream()
                    .filter(call -> call.getName().equals("publishEvent")
                            && call.getTargetOwner().isAssignableTo(ApplicationEventPublisher.class))
                    .map(call -> call.getLineNumber()).collect(Collectors.toSet());
            if (lines.isEmpty()) {
                return;
            }
            unit.getConstructorCallsFromSelf().stream()
                    .filter(call -> lines.contains(call.getLineNumber())
                            || listenedTo.contains(call.getTargetOwner().getSimpleName()))
                    .map(call -> call.getTargetOwner())
                    .filter(event -> event.isAssignableTo(Record.class) && module.contains(event))
                    .forEach(event -> events.computeIfAbsent(event.getSimpleName(), e -> new TreeSet<>())
                            .add(type.getSimpleName() + "." + enclosingMethod(unit.getName())));
        }));
        return events;
    }

    /** A lambda's synthetic method ({@code lambda$release$3}) stands for the method it is written in. */
    private static String enclosingMethod(String name) {
        return name.startsWith("lambda$") ? name.split("\\$")[1] : name;
    }

    private static String list(List<String> names) {
        return names.isEmpty() ? "none" : names.stream().sorted().distinct().map(n -> "`" + n + "`")
                .collect(Collectors.joining(", "));
    }
}
