package dev.o2c.bankstatements;

import dev.o2c.platform.web.ApiProblem;
import jakarta.servlet.MultipartConfigElement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * One size limit for a statement file however it comes: XML body, multipart upload or the inbox folder
 * ({@code o2c.bank-statements.max-file-size}, default 10MB). The multipart limits are derived from it, so
 * {@code spring.servlet.multipart.*} cannot drift apart from the body's; a body is never read past the limit.
 */
@Configuration
class StatementFileLimit {

    /** A multipart request carries the file and its part headers; this much room for the latter. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final DataSize max;

    StatementFileLimit(@Value("${o2c.bank-statements.max-file-size:10MB}") DataSize max) {
        this.max = max;
    }

    DataSize max() {
        return max;
    }

    @Bean
    MultipartConfigElement multipartConfigElement() {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(max);
        factory.setMaxRequestSize(DataSize.ofBytes(max.toBytes() + MULTIPART_OVERHEAD));
        return factory.createMultipartConfig();
    }

    /** Refuses what is declared larger than the limit before reading a byte, and stops reading one byte past it. */
    byte[] read(InputStream body, long declaredLength, String field) throws IOException {
        check(declaredLength, field);
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long limit = max.toBytes();
        int n;
        while ((n = body.readNBytes(buffer, 0, (int) Math.min(buffer.length, limit + 1 - read.size()))) > 0) {
            read.write(buffer, 0, n);
            if (read.size() > limit) {
                throw tooLarge(field);
            }
        }
        return read.toByteArray();
    }

    void check(long size, String field) {
        if (size > max.toBytes()) {
            throw tooLarge(field);
        }
    }

    ApiProblem tooLarge(String field) {
        return new TooLarge(
                field,
                "a statement file may be at most " + describe(max)
                        + " (o2c.bank-statements.max-file-size); split larger statements or ask an operator to raise the limit");
    }

    private static String describe(DataSize size) {
        long bytes = size.toBytes();
        return bytes % (1024 * 1024) == 0
                ? bytes / (1024 * 1024) + " MB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    static final class TooLarge extends ApiProblem {

        TooLarge(String field, String message) {
            super(HttpStatus.PAYLOAD_TOO_LARGE, field, message);
        }
    }
}
