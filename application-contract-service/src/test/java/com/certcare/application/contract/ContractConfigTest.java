package com.certcare.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** {@code certcare.contracts.*}: a bad number pattern stops the start naming the key; the defaults. */
class ContractConfigTest {

    @Test
    void aBadPatternInTheConfigurationFailsNamingTheKey() {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withMapping(ContractConfig.class)
                .withSources(new PropertiesConfigSource(Map.of("certcare.contracts.number-pattern", "ZLCC-{yyyy}"), "test", 500));
        RuntimeException e = assertThrows(RuntimeException.class, builder::build);
        String message = messages(e);
        assertTrue(message.contains("certcare.contracts.number-pattern"), message);
        assertTrue(message.contains("exactly one {seq:N}"), message);

        ContractConfig defaults = new SmallRyeConfigBuilder().withMapping(ContractConfig.class).build()
                .getConfigMapping(ContractConfig.class);
        assertEquals("ZLCC-{yyyy}-{seq:4}", defaults.numberPattern().toString());
        assertEquals("ZLCX-16-02", defaults.formNumber());
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
