package dev.o2c.bankstatements;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.o2c.cashapplication.Proposal;
import org.springframework.stereotype.Component;

/** Proposals are kept on the entry as JSON: what was decided, with its reasons, exactly as it was decided. */
@Component
class ProposalCodec {

    private final ObjectMapper json;

    ProposalCodec(ObjectMapper json) {
        this.json = json;
    }

    String write(Proposal proposal) {
        try {
            return json.writeValueAsString(proposal);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store proposal", e);
        }
    }

    Proposal read(String proposal) {
        try {
            return json.readValue(proposal, Proposal.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored proposal unreadable", e);
        }
    }
}
