package com.certcare.platform.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.RestQuery;

import com.certcare.platform.problem.ProblemException;

/**
 * Whole-number and boolean query parameters: a value that is not one ({@code ?page=abc}, {@code ?page=1.5},
 * {@code ?page=99999999999999999999}, {@code ?dryRun=yes}) is a 400 naming the parameter. JAX-RS would answer
 * 404, as if the address did not exist, and would read any boolean other than "true" as false. An empty value
 * counts as absent (null; 0 or false for a primitive), as for every query parameter. Path parameters keep
 * JAX-RS's 404: a path that cannot be converted names no resource. See {@link EnumParams} for enums.
 */
@Provider
public class ScalarParams implements ParamConverterProvider {

    private record Range(long min, long max) {
    }

    private static final Map<Class<?>, Range> WHOLE = Map.of(
            Integer.class, new Range(Integer.MIN_VALUE, Integer.MAX_VALUE),
            int.class, new Range(Integer.MIN_VALUE, Integer.MAX_VALUE),
            Long.class, new Range(Long.MIN_VALUE, Long.MAX_VALUE),
            long.class, new Range(Long.MIN_VALUE, Long.MAX_VALUE),
            Short.class, new Range(Short.MIN_VALUE, Short.MAX_VALUE),
            short.class, new Range(Short.MIN_VALUE, Short.MAX_VALUE));

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryName(annotations);
        if (name == null) {
            return null;
        }
        if (WHOLE.containsKey(rawType)) {
            return (ParamConverter<T>) new WholeNumber(rawType, WHOLE.get(rawType), name);
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) new Flag(rawType.isPrimitive(), name);
        }
        return null;
    }

    /** The query parameter's name, or null when the annotations are not a query parameter's. */
    static String queryName(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation a : annotations) {
            if (a instanceof RestQuery q) {
                return q.value().isEmpty() ? "query" : q.value();
            }
            if (a instanceof QueryParam q) {
                return q.value();
            }
        }
        return null;
    }

    private static WebApplicationException invalid(String name, String messageKey, Object... args) {
        return new WebApplicationException(ProblemException.invalid(name, messageKey, args), 400);
    }

    private static final class WholeNumber implements ParamConverter<Object> {
        private final Class<?> type;
        private final Range range;
        private final String name;

        WholeNumber(Class<?> type, Range range, String name) {
            this.type = type;
            this.range = range;
            this.name = name;
        }

        @Override
        public Object fromString(String value) {
            if (value == null || value.isBlank()) {
                return type.isPrimitive() ? box(0) : null;
            }
            String text = value.strip();
            if (!text.matches("[+-]?\\d{1,40}")) {
                throw invalid(name, "whole-number");
            }
            BigInteger number = new BigInteger(text);
            if (number.compareTo(BigInteger.valueOf(range.min())) < 0 || number.compareTo(BigInteger.valueOf(range.max())) > 0) {
                throw invalid(name, "between", range.min(), range.max());
            }
            return box(number.longValue());
        }

        private Object box(long value) {
            if (type == Integer.class || type == int.class) {
                return (int) value;
            }
            if (type == Short.class || type == short.class) {
                return (short) value;
            }
            return value;
        }

        @Override
        public String toString(Object value) {
            return value == null ? null : new BigDecimal(value.toString()).toPlainString();
        }
    }

    private static final class Flag implements ParamConverter<Boolean> {
        private final boolean primitive;
        private final String name;

        Flag(boolean primitive, String name) {
            this.primitive = primitive;
            this.name = name;
        }

        @Override
        public Boolean fromString(String value) {
            if (value == null || value.isBlank()) {
                return primitive ? Boolean.FALSE : null;
            }
            String text = value.strip();
            if (text.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (text.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
            throw invalid(name, "one-of", "true, false");
        }

        @Override
        public String toString(Boolean value) {
            return value == null ? null : value.toString();
        }
    }
}
