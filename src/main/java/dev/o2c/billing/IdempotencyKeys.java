package dev.o2c.billing;

import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.text.Texts;
import java.util.UUID;

/**
 * The request key of a billing document posted over the API: the caller's Idempotency-Key header, kept apart per
 * caller (another user's same key is their own), or a fresh one when the header is absent.
 */
final class IdempotencyKeys {

    private IdempotencyKeys() {}

    static String of(String idempotencyKey) {
        if (idempotencyKey != null
                && (idempotencyKey.isBlank()
                        || idempotencyKey.length() > 200
                        || Texts.hasForbiddenControlCharacter(idempotencyKey))) {
            throw new InvalidInvoiceException(
                    "Idempotency-Key", "must be 1 to 200 characters without control characters");
        }
        return "api/" + CurrentUser.get().name() + "/" + (idempotencyKey == null ? UUID.randomUUID() : idempotencyKey);
    }
}
