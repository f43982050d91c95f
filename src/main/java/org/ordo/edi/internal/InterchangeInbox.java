package org.ordo.edi.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.ordo.edi.EdiManagement;
import org.ordo.platform.ConflictException;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Wording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The drop folder for partners who transfer files: {@code <inbox>/<PARTNER>/} holds the partner's interchanges.
 * Each file is received like a POST to the API; then it is moved to {@code processed/} (with the answer beside it)
 * or, when refused, to {@code refused/} with a file saying why. Receiving is idempotent (partner and interchange
 * reference), so a file read again after a crash before its move creates nothing twice: it gets the first answer
 * and is moved then. Files still being written (changed in the last seconds) and hidden files wait for the next
 * round; a failure of Ordo itself (not of the file) leaves the file where it is for the next round.
 */
@Component
class InterchangeInbox {

    private static final Logger log = LoggerFactory.getLogger(InterchangeInbox.class);
    static final String ACTOR = "system:edi-inbox";
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private final EdiManagement edi;
    private final Path inbox;
    private final long maxSize;
    private final Clock clock;

    InterchangeInbox(EdiManagement edi, @Value("${ordo.edi.inbox:${ordo.data-dir:./data}/edi/inbox}") Path inbox,
            @Value("${ordo.edi.max-interchange-size:32MB}") DataSize maxSize, Clock clock) {
        this.edi = edi;
        this.inbox = inbox;
        this.maxSize = maxSize.toBytes();
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${ordo.edi.inbox-every:PT5S}", fixedDelayString = "${ordo.edi.inbox-every:PT5S}")
    void onSchedule() {
        try {
            poll();
        } catch (IOException | RuntimeException e) {
            log.warn("Reading the EDI inbox {} failed; next round will retry: {}", inbox, e.toString());
        }
    }

    /** One round over every partner's folder; returns how many files it took. */
    int poll() throws IOException {
        if (!Files.isDirectory(inbox)) {
            return 0;
        }
        int taken = 0;
        for (Path folder : list(inbox)) {
            if (Files.isDirectory(folder)) {
                for (Path file : list(folder)) {
                    if (Files.isRegularFile(file) && settled(file) && take(folder.getFileName().toString(), file)) {
                        taken++;
                    }
                }
            }
        }
        return taken;
    }

    private static List<Path> list(Path folder) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder,
                p -> !p.getFileName().toString().startsWith("."))) {
            stream.forEach(paths::add);
        }
        paths.sort(null);
        return paths;
    }

    private boolean settled(Path file) throws IOException {
        return Files.getLastModifiedTime(file).toInstant().isBefore(clock.instant().minus(SETTLE));
    }

    private boolean take(String partner, Path file) throws IOException {
        String reason;
        try {
            if (Files.size(file) > maxSize) {
                throw new InvalidInputException("body", Wording.of("edi.is_larger_than_the_bytes_taken", maxSize));
            }
            if (Files.size(file) == 0) {
                throw new InvalidInputException("body", Wording.of("edi.is_required_the_interchange_as_received"));
            }
            byte[] body = Files.readAllBytes(file);
            EdiManagement.Answer answer = edi.receive(body, null, ACTOR, partner);
            Path moved = move(file, "processed");
            Files.writeString(moved.resolveSibling(moved.getFileName() + ".answer.json"), answer.body(),
                    StandardCharsets.UTF_8);
            return true;
        } catch (NoSuchFileException e) {
            return false; // another node took it
        } catch (InvalidInputException e) {
            reason = e.errors().stream().map(f -> f.field() + ": " + f.message())
                    .collect(Collectors.joining(System.lineSeparator()));
        } catch (ConflictException e) {
            reason = e.getMessage();
        }
        Path moved = move(file, "refused");
        Files.writeString(moved.resolveSibling(moved.getFileName() + ".reason.txt"), reason + System.lineSeparator(),
                StandardCharsets.UTF_8);
        log.info("EDI file {} of partner {} refused: {}", file.getFileName(), partner, reason);
        return true;
    }

    /** Moves the file into the folder beside it; a name taken by an earlier file gets the time appended. */
    private Path move(Path file, String into) throws IOException {
        Path folder = Files.createDirectories(file.resolveSibling(into));
        Path target = folder.resolve(file.getFileName());
        if (Files.exists(target)) {
            target = folder.resolve(file.getFileName() + "." + clock.millis());
        }
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
