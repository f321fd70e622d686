package dev.o2c.credit.backtest;

import dev.o2c.credit.InvalidCreditException;
import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import dev.o2c.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Policy back-test: analysts and credit managers upload a changed credit-decision.dmn or credit-score.dmn (one file,
 * multipart, or the XML as the request body) and see how the latest recorded decisions would have come out. Nothing is
 * deployed.
 */
@RestController
@RequestMapping("/api/credit/policy-backtests")
@Allowed({Groups.BUSINESS_ANALYSTS, Groups.CREDIT_MANAGERS})
class PolicyBackTestController {

    /** The name a table sent as the request body goes by in the report and the audit record. */
    static final String BODY = "request body";

    private final PolicyBackTest backTest;

    PolicyBackTestController(PolicyBackTest backTest) {
        this.backTest = backTest;
    }

    /** 413 like any other upload over its limit: an HTTP matter, so it stays in the web layer. */
    static final class TableTooLarge extends ApiProblem {
        TableTooLarge(String name, long max) {
            super(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "file",
                    name + " is larger than " + max + " bytes (o2c.credit.backtest.max-bytes), more than any decision"
                            + " table");
        }
    }

    /** One file part (any part name). {@code decisions}: how many of the latest decisions to replay. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    BackTestReport upload(MultipartHttpServletRequest request, @RequestParam(required = false) Integer decisions)
            throws IOException {
        List<MultipartFile> files = new ArrayList<>();
        request.getMultiFileMap().values().forEach(files::addAll);
        files.removeIf(file -> file.getOriginalFilename() == null && file.isEmpty());
        if (files.size() != 1) {
            throw new InvalidCreditException(
                    "file",
                    "Upload exactly one .dmn file (got " + files.size() + "): credit-decision.dmn or"
                            + " credit-score.dmn as changed in Modeler.");
        }
        MultipartFile file = files.getFirst();
        String name =
                file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                        ? "uploaded file"
                        : file.getOriginalFilename();
        long max = backTest.limits().maxBytes();
        if (file.getSize() > max) {
            throw new TableTooLarge(name, max);
        }
        return backTest.run(name, file.getBytes(), decisions, CurrentUser.get().name());
    }

    /** The DMN XML itself as the body ({@code Content-Type: application/xml} or {@code text/xml}). */
    @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    BackTestReport body(HttpServletRequest request, @RequestParam(required = false) Integer decisions)
            throws IOException {
        long max = backTest.limits().maxBytes();
        byte[] content;
        try (InputStream in = request.getInputStream()) {
            // read one byte past the limit, never the whole of an oversized body
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
        if (content.length > max) {
            throw new TableTooLarge(BODY, max);
        }
        return backTest.run(BODY, content, decisions, CurrentUser.get().name());
    }
}
