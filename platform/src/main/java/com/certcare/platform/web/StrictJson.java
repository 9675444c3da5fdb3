package com.certcare.platform.web;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Request bodies are read as the OpenAPI document declares them, so a value of the wrong JSON type is a 400
 * naming the field, never silently turned into something else:
 * <ul>
 * <li>{@code "version": 1.5} (or {@code 1.000}) where an integer is declared is refused, not truncated;</li>
 * <li>a number or boolean where a string is declared ({@code "name": 1}, {@code "remarks": true}) is refused,
 * not stored as the text "1" or "true";</li>
 * <li>a number where a boolean is declared ({@code "primary": 5}) is refused, not read as true;</li>
 * <li>a number where an enum is declared ({@code "to": 1}) is refused, not read as the second constant;</li>
 * <li>a number where a date is declared ({@code "issuedOn": 1}) is refused, not read as a day since 1970
 * (no leniency: an empty string is not a date either).</li>
 * </ul>
 * A number sent as a string ({@code "initialAuditFee": "12000.50"}) is still read: money travels as exact
 * decimal strings.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.setDefaultLeniency(false);
    }
}
