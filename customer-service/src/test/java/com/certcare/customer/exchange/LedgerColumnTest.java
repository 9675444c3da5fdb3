package com.certcare.customer.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LedgerColumnTest {

    @Test
    void aRulesFieldPathNamesItsColumnWhateverItsIndices() {
        assertEquals(LedgerColumn.CONTACT_PHONE, LedgerColumn.forField("contacts[1].phone"));
        assertEquals(LedgerColumn.PROFESSIONAL_CODES, LedgerColumn.forField("professionalCodes[12]"));
        assertEquals(LedgerColumn.SURVEILLANCE_AUDIT_ON, LedgerColumn.forField("auditDates.surveillance"));
        assertEquals(LedgerColumn.CREDIT_CODE, LedgerColumn.forField("creditCodeOverrideReason"));
    }

    @Test
    void aFieldWithoutAColumnFailsLoudlyInsteadOfBeingBlamedOnAnother() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LedgerColumn.forField("nonsense"));
        assertEquals("no ledger column for the field nonsense", e.getMessage());
    }
}
