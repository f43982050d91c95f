package org.ordo.outsourcing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.ordo.platform.Actor;
import org.ordo.platform.ConflictException;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Wording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reports partners leave as files: for every partner that exchanges by FOLDER, each {@code *.json} in
 * {@code <exchange>/<location>/shipments/} is a shipment report and each in {@code .../stock/} a stock report, with
 * the bodies their HTTP reports have. Each is booked as its HTTP twin is (once per reference), then moved to
 * {@code done/}; one that is refused (unreadable JSON, a wrong field, an order not shippable) is moved to {@code failed/} with the reason beside it, and nothing of it is
 * booked. The files are kept (invariant 6 in docs/design.md). Names starting with a dot are left alone: a partner
 * writes aside and renames. Two nodes reading one folder book a report once (its reference decides); the second
 * finds the file gone.
 */
@Component
public class PartnerReportFiles {

    static final String SHIPMENTS = "shipments";
    static final String STOCK = "stock";
    /** The name an uploaded report file is kept under: letters, digits, '.', '_', '-', ending in .json. */
    public static final String FILE_NAME = "^[A-Za-z0-9][A-Za-z0-9._-]{0,94}\\.json$";
    private static final Logger log = LoggerFactory.getLogger(PartnerReportFiles.class);
    /** Files read per folder and round, so one flooded folder does not hold up the others. */
    private static final int PER_ROUND = 200;

    private final OutsourcingManagement outsourcing;
    private final Path exchange;
    private final java.time.Clock clock;

    PartnerReportFiles(OutsourcingManagement outsourcing, @Value("${ordo.outsourcing.exchange}") Path exchange,
            java.time.Clock clock) {
        this.outsourcing = outsourcing;
        this.exchange = exchange;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT25S", fixedDelayString = "${ordo.outsourcing.send-every:PT10S}")
    void readDueFiles() {
        try {
            read();
        } catch (RuntimeException e) {
            log.warn("Reading partners' report files failed; the next round retries: {}", e.getMessage());
        }
    }

    /** Reads the report files of every FOLDER partner; answers how many were booked (duplicates included). */
    int read() {
        int booked = 0;
        for (FulfilmentPartner partner : outsourcing.partners()) {
            if (partner.delivery() != PartnerDraft.Delivery.FOLDER) {
                continue;
            }
            String location = partner.location();
            booked += read(location, SHIPMENTS, (l, body) -> outsourcing.receiveShipmentFile(l, body));
            booked += read(location, STOCK, (l, body) -> outsourcing.receiveStockReportFile(l, body));
        }
        return booked;
    }

    /**
     * A shipment report file a person uploads (the partner mailed it, or its folder cannot be reached): booked as
     * a file in the folder is, then kept in the folder's {@code done/} under its name (a name already there gets
     * the time in front). A refused file is answered (4xx) and not kept.
     */
    public ReportedShipment uploadShipmentFile(String location, String fileName, byte[] body) {
        ReportedShipment booked = outsourcing.receiveShipmentFile(location, body);
        keep(location, SHIPMENTS, fileName, body);
        return booked;
    }

    /** A stock report file a person uploads; as {@link #uploadShipmentFile}. */
    public StockReconciliation uploadStockReportFile(String location, String fileName, byte[] body) {
        StockReconciliation booked = outsourcing.receiveStockReportFile(location, body);
        keep(location, STOCK, fileName, body);
        return booked;
    }

    /** Checks the name an upload is kept under before anything is booked; 422 naming {@code fileName}. */
    public String uploadName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "upload-" + clock.millis() + ".json";
        }
        if (!fileName.matches(FILE_NAME)) {
            throw new InvalidInputException("fileName", Wording.of("outsourcing.must_be_1_100_letters_digits"));
        }
        return fileName;
    }

    private void keep(String location, String kind, String fileName, byte[] body) {
        Path done = folderOf(location, kind).resolve("done");
        try {
            Files.createDirectories(done);
            Path file = done.resolve(fileName);
            if (Files.exists(file)) {
                file = done.resolve(clock.millis() + "-" + fileName);
            }
            Files.write(file, body, java.nio.file.StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            // booked already; the copy is a courtesy to the person reading the folder
            log.warn("Could not keep the uploaded report {} of {}: {}", fileName, location, e.getMessage());
        }
    }

    /** The folder a partner leaves reports of one kind in. */
    Path folderOf(String location, String kind) {
        return exchange.resolve(location).resolve(kind);
    }

    private int read(String location, String kind, BiFunction<String, byte[], Object> book) {
        Path folder = folderOf(location, kind);
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int booked = 0;
        for (Path file : due(folder)) {
            byte[] body;
            try {
                body = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                continue; // another node took it
            } catch (IOException e) {
                log.warn("Could not read {}: {}", file, e.getMessage());
                continue;
            }
            try {
                Actor.as("partner-file:" + location, () -> book.apply(location, body));
                move(file, folder.resolve("done"));
                booked++;
            } catch (InvalidInputException | ConflictException | NotFoundException
                    | tools.jackson.core.JacksonException e) {
                refused(file, folder.resolve("failed"), e);
            }
        }
        return booked;
    }

    private static List<Path> due(Path folder) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(folder, "*.json")) {
            for (Path file : found) {
                if (!file.getFileName().toString().startsWith(".") && Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            log.warn("Could not list {}: {}", folder, e.getMessage());
        }
        files.sort(null); // oldest name first: partners name files by time or sequence
        return files.size() > PER_ROUND ? files.subList(0, PER_ROUND) : files;
    }

    private static void refused(Path file, Path failed, RuntimeException why) {
        String reason = why.getMessage();
        if (why instanceof InvalidInputException invalid && !invalid.errors().isEmpty()) {
            reason = invalid.errors().stream().map(f -> f.field() + ": " + f.message()).toList().toString();
        }
        try {
            Files.createDirectories(failed);
            Files.writeString(failed.resolve(file.getFileName() + ".error.txt"), reason + System.lineSeparator(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("Could not write why {} was refused: {}", file, e.getMessage());
        }
        move(file, failed);
        log.warn("Partner report file {} refused: {}", file, reason);
    }

    private static void move(Path file, Path to) {
        try {
            Files.createDirectories(to);
            Files.move(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException e) {
            // another node moved it
        } catch (IOException e) {
            log.warn("Could not move {} to {}: {}", file, to, e.getMessage());
        }
    }
}
