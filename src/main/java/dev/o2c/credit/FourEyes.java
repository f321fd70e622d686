package dev.o2c.credit;

import dev.o2c.platform.errors.NotPermittedException;
import dev.o2c.platform.security.CurrentUser;

/**
 * The approval rules every approval with an authority table shares (order credit, credit limits, write-offs): whoever
 * asked never decides, the decision needs the authority the table named, and a second approval comes from a second
 * person of that group. Each refusal is a 403 naming who may act instead.
 */
public final class FourEyes {

    private FourEyes() {}

    /** Whoever asked for something ({@code what}, e.g. "asked for limit review 7") may not decide it. */
    public static void notTheRequester(CurrentUser user, String requester, String what) {
        if (user.name().equals(requester)) {
            throw new NotPermittedException("four eyes: " + user.name() + " " + what + " and cannot decide it");
        }
    }

    /** The decision needs the authority of {@code required}; {@code detail} says what is being decided. */
    public static void holdsAuthority(
            CurrentUser user, AuthorityTable.Required required, AuthorityTable.Ranks ranks, String detail) {
        if (!ranks.holds(user.groups(), required.group())) {
            throw new NotPermittedException("this decision needs the group " + required.group() + " ("
                    + required.authority() + "; " + detail + "): " + user.name() + " is not in it");
        }
    }

    /**
     * The second approval: someone other than the first approver ({@code firstDecision} names it, e.g. "the first
     * approval of order 7"), holding the authority of {@code group}.
     */
    public static void secondPerson(
            CurrentUser user, String firstApprover, String firstDecision, String group, AuthorityTable.Ranks ranks) {
        if (user.name().equals(firstApprover)) {
            throw new NotPermittedException("four eyes: " + user.name() + " made " + firstDecision + "; a second "
                    + group + " member must confirm it");
        }
        if (!ranks.holds(user.groups(), group)) {
            throw new NotPermittedException(
                    "the second approval needs the group " + group + ": " + user.name() + " is not in it");
        }
    }
}
