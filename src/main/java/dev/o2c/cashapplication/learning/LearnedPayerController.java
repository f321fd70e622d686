package dev.o2c.cashapplication.learning;

import dev.o2c.cashapplication.CashApplication;
import dev.o2c.cashapplication.LearnedPayer;
import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the matcher learned from clerks, visible and removable by the people who teach it. */
@RestController
@RequestMapping("/api/cash-application/learned")
@Allowed({Groups.AR_CLERKS, Groups.OPERATORS})
class LearnedPayerController {

    private final CashApplication cashApplication;

    LearnedPayerController(CashApplication cashApplication) {
        this.cashApplication = cashApplication;
    }

    /** Every learned account and name, newest first, with who taught it, when, and from which bank entry. */
    @GetMapping
    List<LearnedPayer> learned() {
        return cashApplication.learned();
    }

    /** Forgets one; audited as PAYER_FORGOTTEN. Answers with what was removed. */
    @DeleteMapping("/{id}")
    LearnedPayer forget(@PathVariable long id) {
        return cashApplication.forget(id, CurrentUser.get().name());
    }
}
