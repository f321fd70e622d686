package dev.o2c.bankstatements;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Imports statements dropped into a folder (where the bank connection or an SFTP job puts them). Each file ends up in
 * {@code imported/} or, with a {@code .error.txt} beside it saying why, in {@code rejected/}. Off unless
 * {@code o2c.bank-statements.inbox-dir} is set.
 */
@Component
public class StatementInbox {

    private static final Logger log = LoggerFactory.getLogger(StatementInbox.class);
    static final String ACTOR = "statement-inbox";

    private final BankStatementImport imports;
    private final String inboxDir;
    private final StatementFileLimit limit;

    StatementInbox(
            BankStatementImport imports,
            @Value("${o2c.bank-statements.inbox-dir:}") String inboxDir,
            StatementFileLimit limit) {
        this.imports = imports;
        this.inboxDir = inboxDir;
        this.limit = limit;
    }

    @Scheduled(fixedDelayString = "${o2c.bank-statements.inbox-poll:PT30S}")
    public void poll() {
        if (inboxDir.isBlank()) {
            return;
        }
        Path inbox = Path.of(inboxDir);
        try (Stream<Path> files = Files.list(inbox)) {
            List<Path> statements = files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().toLowerCase().endsWith(".xml"))
                    .sorted()
                    .toList();
            statements.forEach(file -> importOne(inbox, file));
        } catch (IOException e) {
            log.warn("cannot read statement inbox {}: {}", inbox, e.getMessage());
        }
    }

    private void importOne(Path inbox, Path file) {
        try {
            try {
                // the same limit as an upload, checked before the file is read
                if (Files.size(file) > limit.max().toBytes()) {
                    throw new StatementRejected(limit.tooLarge("file").getMessage());
                }
                byte[] xml = Files.readAllBytes(file);
                StatementImportResult result = imports.importFile(xml, "inbox " + file.getFileName(), ACTOR);
                log.info("imported {}: {}", file.getFileName(), result.message());
                move(file, inbox.resolve("imported"));
            } catch (StatementRejected e) {
                Path rejected = move(file, inbox.resolve("rejected"));
                Files.writeString(
                        rejected.resolveSibling(rejected.getFileName() + ".error.txt"),
                        e.getMessage() + "\n",
                        StandardCharsets.UTF_8);
                log.warn("rejected {}: {}", file.getFileName(), e.getMessage());
            }
        } catch (IOException e) {
            log.warn("cannot import {}: {}", file, e.getMessage());
        }
    }

    private static Path move(Path file, Path folder) throws IOException {
        Files.createDirectories(folder);
        return Files.move(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
}
